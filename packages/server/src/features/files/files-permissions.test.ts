import type { CommunityPrivacy } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { updateAccount } from '../accounts/accounts.queries';
import { loadCommunityAccess } from '../visibility/community-facts';
import { canSee } from '../visibility/visibility';
import {
  community,
  join,
  type Person,
  part,
  person,
  storedFiles,
  text,
  upload,
} from './files.fixtures';
import { searchFiles } from './files-read.service';

type Viewer = 'member' | 'guestMember' | 'staff' | 'guestElsewhere' | 'admin' | 'suspended';
const VIEWERS: Viewer[] = [
  'member',
  'guestMember',
  'staff',
  'guestElsewhere',
  'admin',
  'suspended',
];
const PRIVACIES: CommunityPrivacy[] = ['public', 'private', 'secret'];

/**
 * What each kind of viewer gets from each endpoint, per community privacy. Reading follows
 * `canSee(community_content)`; uploading needs membership (403 when the community is
 * known, 404 when not); deleting someone else's file needs a moderator's role.
 */
const expected: Record<Viewer, Record<string, Record<CommunityPrivacy, number>>> = {
  member: {
    read: { public: 200, private: 200, secret: 200 },
    upload: { public: 200, private: 200, secret: 200 },
    version: { public: 200, private: 200, secret: 200 },
    delete: { public: 403, private: 403, secret: 403 },
  },
  guestMember: {
    read: { public: 200, private: 200, secret: 200 },
    upload: { public: 200, private: 200, secret: 200 },
    version: { public: 200, private: 200, secret: 200 },
    delete: { public: 403, private: 403, secret: 403 },
  },
  staff: {
    read: { public: 200, private: 404, secret: 404 },
    upload: { public: 403, private: 403, secret: 404 },
    version: { public: 403, private: 404, secret: 404 },
    delete: { public: 403, private: 404, secret: 404 },
  },
  guestElsewhere: {
    read: { public: 404, private: 404, secret: 404 },
    upload: { public: 404, private: 404, secret: 404 },
    version: { public: 404, private: 404, secret: 404 },
    delete: { public: 404, private: 404, secret: 404 },
  },
  admin: {
    read: { public: 200, private: 404, secret: 404 },
    upload: { public: 403, private: 403, secret: 403 },
    version: { public: 403, private: 404, secret: 404 },
    delete: { public: 403, private: 404, secret: 404 },
  },
  suspended: {
    read: { public: 401, private: 401, secret: 401 },
    upload: { public: 401, private: 401, secret: 401 },
    version: { public: 401, private: 401, secret: 401 },
    delete: { public: 401, private: 401, secret: 401 },
  },
};

describe('who may do what with a community file', () => {
  let t: TestApp;
  let owner: Person;
  const viewers = {} as Record<Viewer, Person>;
  const places = {} as Record<CommunityPrivacy, { communityId: number; fileId: string }>;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await person(t);
    viewers.member = await person(t);
    viewers.guestMember = await person(t, 'guest');
    viewers.staff = await person(t);
    viewers.guestElsewhere = await person(t, 'guest');
    viewers.admin = await person(t, 'admin');
    viewers.suspended = await person(t);
    await community(t, 'private', [[viewers.guestElsewhere, 'member']]);
    for (const privacy of PRIVACIES) {
      const communityId = await community(t, privacy, [
        [owner, 'owner'],
        [viewers.member, 'member'],
        [viewers.guestMember, 'member'],
      ]);
      await join(t, communityId, viewers.suspended, 'member');
      const created = await upload(
        owner,
        `/api/rapport/v1/communities/${communityId}/files`,
        part(`Plan ${privacy}.txt`, text(`plan for ${privacy}`)),
      );
      expect(created.status, created.text).toBe(200);
      places[privacy] = { communityId, fileId: created.body.id };
    }
    await updateAccount(t.ctx.db, viewers.suspended.account.id, {
      suspended: 1,
      suspended_at: Date.now(),
    });
  });
  afterAll(() => t.close());

  for (const viewer of VIEWERS) {
    it(`answers a ${viewer} as the rule says, on every endpoint`, async () => {
      const who = viewers[viewer];
      for (const privacy of PRIVACIES) {
        const { communityId, fileId } = places[privacy];
        const want = expected[viewer];
        const reads = [
          `/api/rapport/v1/communities/${communityId}/files`,
          `/api/rapport/v1/communities/${communityId}/file_library`,
          `/api/rapport/v1/files/${fileId}`,
          `/api/rapport/v1/files/${fileId}/versions`,
          `/api/rapport/v1/files/${fileId}/download`,
          `/api/rapport/v1/files/${fileId}/download?version=1`,
        ];
        for (const url of reads) {
          const res = await who.api.get(url);
          expect(res.status, `${viewer} GET ${url} (${privacy})`).toBe(want.read?.[privacy]);
          // Not visible: the same answer as for something that does not exist.
          if (res.status === 404) expect(res.body.error).toMatch(/^(Community|File) not found$/);
        }
        const before = storedFiles(t);
        const created = await upload(
          who,
          `/api/rapport/v1/communities/${communityId}/files`,
          part('mine.txt', text(`${viewer} was here`)),
        );
        expect(created.status, `${viewer} uploads (${privacy}) ${created.text}`).toBe(
          want.upload?.[privacy],
        );
        const version = await upload(
          who,
          `/api/rapport/v1/files/${fileId}/versions`,
          part('Plan.txt', text(`${viewer} edited`)),
        );
        expect(version.status, `${viewer} adds a version (${privacy})`).toBe(
          want.version?.[privacy],
        );
        const refusedWrites = [created.status, version.status].filter((s) => s !== 200).length;
        expect(storedFiles(t).length).toBe(before.length + 2 - refusedWrites);
        const removed = await who.api.delete(`/api/rapport/v1/files/${fileId}`);
        expect(removed.status, `${viewer} deletes (${privacy})`).toBe(want.delete?.[privacy]);
        if (created.status === 200) {
          // Their own upload is theirs to delete.
          expect((await who.api.delete(`/api/rapport/v1/files/${created.body.id}`)).status).toBe(
            200,
          );
        }
      }
    });
  }

  it('finds by name only files whose community the viewer may read, as canSee says', async () => {
    for (const viewer of VIEWERS.filter((v) => v !== 'suspended')) {
      const who = viewers[viewer];
      const found = await searchFiles(t.ctx, who.account, 'pla', 20);
      const access = await loadCommunityAccess(
        t.ctx.db,
        who.account.id,
        PRIVACIES.map((privacy) => places[privacy].communityId),
      );
      const allowed = PRIVACIES.filter((privacy) => {
        const place = access.get(places[privacy].communityId);
        return place !== undefined && canSee(who.account, { kind: 'community_content', ...place });
      });
      expect(found.map((file) => file.name).sort(), viewer).toEqual(
        allowed.map((privacy) => `Plan ${privacy}.txt`).sort(),
      );
      const readable = PRIVACIES.filter((privacy) => expected[viewer].read?.[privacy] === 200);
      expect(allowed.sort(), viewer).toEqual(readable.sort());
    }
    const member = viewers.member.account;
    expect((await searchFiles(t.ctx, member, 'plan secret', 20)).map((f) => f.name)).toEqual([
      'Plan secret.txt',
    ]);
    expect(await searchFiles(t.ctx, member, 'budget', 20)).toEqual([]);
    expect(await searchFiles(t.ctx, member, '', 20)).toEqual([]);
  });
});
