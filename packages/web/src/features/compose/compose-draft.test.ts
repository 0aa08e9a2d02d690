import { describe, expect, it } from 'vitest';
import { makeAccount, makeStatus } from '../../test/fixtures';
import {
  type Draft,
  type DraftAttachment,
  draftProblem,
  draftSignature,
  narrowerVisibility,
  replyMentions,
} from './compose-draft';

const draft = (overrides: Partial<Draft> = {}): Draft => ({
  text: 'Hello',
  spoilerOn: false,
  spoiler: '',
  visibility: 'public',
  sensitive: false,
  attachments: [],
  poll: null,
  ...overrides,
});

const attachment = (overrides: Partial<DraftAttachment> = {}): DraftAttachment => ({
  key: 'a',
  state: 'uploaded',
  progress: 1,
  mediaId: '5',
  description: '',
  savedDescription: '',
  ...overrides,
});

describe('draftProblem', () => {
  it('accepts text, an image alone, or a poll alone', () => {
    expect(draftProblem(draft())).toBeNull();
    expect(draftProblem(draft({ text: '', attachments: [attachment()] }))).toBeNull();
    expect(
      draftProblem(
        draft({ text: '', poll: { options: ['A', 'B'], expires_in: 3600, multiple: false } }),
      ),
    ).toBeNull();
  });

  it('refuses an empty or too long status', () => {
    expect(draftProblem(draft({ text: '   ' }))).toBe('empty');
    expect(draftProblem(draft({ text: 'x'.repeat(501) }))).toBe('tooLong');
    expect(
      draftProblem(draft({ text: 'x'.repeat(495), spoilerOn: true, spoiler: 'spoiler' })),
    ).toBe('tooLong');
    // A hidden content warning does not count.
    expect(
      draftProblem(draft({ text: 'x'.repeat(495), spoilerOn: false, spoiler: 'spoiler' })),
    ).toBeNull();
  });

  it('waits for uploads and refuses failed ones', () => {
    expect(draftProblem(draft({ attachments: [attachment({ state: 'uploading' })] }))).toBe(
      'uploading',
    );
    expect(draftProblem(draft({ attachments: [attachment({ state: 'failed' })] }))).toBe(
      'uploadFailed',
    );
  });

  it('checks poll options', () => {
    const poll = (options: string[]) => ({ options, expires_in: 3600, multiple: false });
    expect(draftProblem(draft({ poll: poll(['A', ' ']) }))).toBe('pollOptions');
    expect(draftProblem(draft({ poll: poll(['Yes', 'yes']) }))).toBe('pollDuplicate');
    expect(draftProblem(draft({ poll: poll(['A', 'x'.repeat(51)]) }))).toBe('pollOptionTooLong');
    expect(draftProblem(draft({ poll: poll(['A', 'B']), attachments: [attachment()] }))).toBe(
      'mediaAndPoll',
    );
  });
});

describe('draftSignature', () => {
  it('is the same for the same draft and differs after any change', () => {
    const base = draft();
    expect(draftSignature(base, null)).toBe(draftSignature(draft(), null));
    expect(draftSignature(base, null)).not.toBe(draftSignature(draft({ text: 'Hello!' }), null));
    expect(draftSignature(base, null)).not.toBe(draftSignature(base, '12'));
    expect(draftSignature(base, null)).not.toBe(
      draftSignature(draft({ visibility: 'private' }), null),
    );
  });
});

describe('replyMentions', () => {
  it('mentions the author and everyone mentioned, except oneself, once each', () => {
    const status = makeStatus({
      account: makeAccount({ username: 'grace', acct: 'grace' }),
      mentions: [
        { id: '1', username: 'ada', acct: 'ada', url: '' },
        { id: '3', username: 'linus', acct: 'linus', url: '' },
        { id: '2', username: 'grace', acct: 'grace', url: '' },
      ],
    });
    expect(replyMentions(status, 'Ada')).toBe('@grace @linus ');
    expect(replyMentions(makeStatus(), 'ada')).toBe('');
  });
});

describe('narrowerVisibility', () => {
  it('keeps a reply at most as visible as what it answers', () => {
    expect(narrowerVisibility('public', 'private')).toBe('private');
    expect(narrowerVisibility('direct', 'public')).toBe('direct');
    expect(narrowerVisibility('unlisted', 'public')).toBe('unlisted');
  });
});
