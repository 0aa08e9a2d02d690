import type { CredentialAccount } from '@rapport/schema';
import { describe, expect, it } from 'vitest';
import {
  avatarProblem,
  buildProfileForm,
  draftFromAccount,
  isDraftChanged,
  type ProfileDraft,
} from './profile-form';
import { addSkills } from './skills';

const account = {
  display_name: 'Ada Lovelace',
  title: 'Engineer',
  department: 'R&D',
  location: 'London',
  skills: ['Maths'],
  avatar: 'http://localhost/avatars/original/missing.png',
  avatar_description: '',
  source: {
    note: 'Hello',
    fields: [
      { name: 'Title', value: 'Engineer', verified_at: null },
      { name: 'Skills', value: 'Maths', verified_at: null },
      { name: 'Pronouns', value: 'she/her', verified_at: null },
    ],
  },
} as unknown as CredentialAccount;

const entries = (form: FormData) => Object.fromEntries(form.entries());

describe('draftFromAccount', () => {
  it('keeps only the person’s own fields', () => {
    expect(draftFromAccount(account).fields).toEqual([{ name: 'Pronouns', value: 'she/her' }]);
  });
});

describe('buildProfileForm', () => {
  const initial = draftFromAccount(account);

  it('sends the attributes explicitly and leaves custom fields alone when unchanged', () => {
    const draft: ProfileDraft = { ...initial, title: ' Lead engineer ', skills: ['Maths', 'Go'] };
    expect(entries(buildProfileForm(draft, initial))).toEqual({
      display_name: 'Ada Lovelace',
      note: 'Hello',
      title: 'Lead engineer',
      department: 'R&D',
      location: 'London',
      skills: 'Maths,Go',
      avatar_description: '',
    });
  });

  it('sends the whole list of custom fields when one changed', () => {
    const draft = {
      ...initial,
      fields: [
        { name: 'Pronouns', value: 'she/her' },
        { name: '', value: '' },
        { name: 'Team', value: 'Platform' },
      ],
    };
    const sent = entries(buildProfileForm(draft, initial));
    expect(sent['fields_attributes[0][name]']).toBe('Pronouns');
    expect(sent['fields_attributes[1][name]']).toBe('Team');
    expect(sent['fields_attributes[1][value]']).toBe('Platform');
    expect(sent['fields_attributes[2][name]']).toBeUndefined();
    expect(sent.title).toBe('Engineer');
  });

  it('clears the custom fields with one empty pair', () => {
    const sent = entries(buildProfileForm({ ...initial, fields: [] }, initial));
    expect(sent['fields_attributes[0][name]']).toBe('');
    expect(sent['fields_attributes[0][value]']).toBe('');
  });

  it('uploads a new avatar, or removes it with an empty string', () => {
    const file = new File([new Uint8Array([1, 2, 3])], 'me.png', { type: 'image/png' });
    const withFile = buildProfileForm(
      { ...initial, avatar: { kind: 'new', file, preview: '' } },
      initial,
    );
    expect(withFile.get('avatar')).toBeInstanceOf(File);
    const removed = buildProfileForm({ ...initial, avatar: { kind: 'remove' } }, initial);
    expect(removed.get('avatar')).toBe('');
    expect(removed.has('avatar_description')).toBe(false);
  });
});

describe('isDraftChanged', () => {
  const initial = draftFromAccount(account);
  it('notices real changes only', () => {
    expect(isDraftChanged({ ...initial }, initial)).toBe(false);
    expect(
      isDraftChanged(
        { ...initial, fields: [...initial.fields, { name: '', value: ' ' }] },
        initial,
      ),
    ).toBe(false);
    expect(isDraftChanged({ ...initial, note: 'Hi' }, initial)).toBe(true);
    expect(isDraftChanged({ ...initial, skills: [] }, initial)).toBe(true);
    expect(isDraftChanged({ ...initial, avatar: { kind: 'remove' } }, initial)).toBe(true);
  });
});

describe('avatarProblem', () => {
  it('accepts the image types the server takes, up to 4 MB', () => {
    expect(avatarProblem({ type: 'image/webp', size: 1000 })).toBeNull();
    expect(avatarProblem({ type: 'image/svg+xml', size: 1000 })).toBe('type');
    expect(avatarProblem({ type: 'image/png', size: 4 * 1024 * 1024 + 1 })).toBe('size');
  });
});

describe('addSkills', () => {
  it('splits on commas, trims and skips duplicates ignoring case', () => {
    expect(addSkills(['Go'], ' typescript ,  go, Product  design,')).toEqual([
      'Go',
      'typescript',
      'Product design',
    ]);
  });

  it('stops at 20 skills and cuts long ones to 40 characters', () => {
    const many = Array.from({ length: 19 }, (_, i) => `s${i}`);
    expect(addSkills(many, 'a, b')).toHaveLength(20);
    expect(addSkills([], 'x'.repeat(50))[0]).toHaveLength(40);
  });
});
