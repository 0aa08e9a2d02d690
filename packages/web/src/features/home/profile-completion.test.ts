import type { CredentialAccount } from '@rapport/schema';
import { describe, expect, it } from 'vitest';
import { missingProfileItems } from './profile-completion';

function account(overrides: Partial<CredentialAccount>, note = ''): CredentialAccount {
  return {
    avatar: 'http://localhost:3000/avatars/original/missing.png',
    title: '',
    department: '',
    location: '',
    skills: [],
    ...overrides,
    source: { note } as CredentialAccount['source'],
  } as CredentialAccount;
}

describe('missingProfileItems', () => {
  it('lists everything for an empty profile', () => {
    expect(missingProfileItems(account({}))).toEqual([
      'avatar',
      'title',
      'department',
      'location',
      'skills',
      'bio',
    ]);
  });

  it('lists nothing for a complete profile', () => {
    const full = account(
      {
        avatar: 'http://localhost:3000/media/avatars/a.webp',
        title: 'Engineer',
        department: 'R&D',
        location: 'Lyon',
        skills: ['TypeScript'],
      },
      'Hello',
    );
    expect(missingProfileItems(full)).toEqual([]);
  });

  it('treats blank text as missing', () => {
    expect(missingProfileItems(account({ title: '  ', skills: ['Go'] }, ' '))).toEqual([
      'avatar',
      'title',
      'department',
      'location',
      'bio',
    ]);
  });
});
