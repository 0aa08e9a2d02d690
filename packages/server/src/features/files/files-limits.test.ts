import type { FileLibrary } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import {
  community,
  fileTables,
  type Person,
  part,
  person,
  storedFiles,
  text,
  upload,
} from './files.fixtures';

describe('limits', () => {
  let t: TestApp;
  let member: Person;
  let communityId: number;

  beforeAll(async () => {
    t = await startTestApp({ RAPPORT_FILE_MAX_BYTES: '2KB', RAPPORT_COMMUNITY_FILE_QUOTA: '5KB' });
    member = await person(t);
    communityId = await community(t, 'private', [[member, 'member']]);
  });
  afterAll(() => t.close());

  const url = () => `/api/rapport/v1/communities/${communityId}/files`;
  const kb = (n: number, fill = 'a') => text(fill.repeat(n * 1024));

  it('answers 413 for a file over the size limit, storing nothing', async () => {
    const before = { tables: await fileTables(t), disk: storedFiles(t) };
    const res = await upload(member, url(), part('big.txt', kb(3)));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({
      code: 'payload_too_large',
      error: 'The file is larger than the limit of 2 KB',
    });
    const ok = await upload(member, url(), part('fits.txt', kb(2)));
    expect(ok.status).toBe(200);
    const version = await upload(
      member,
      `/api/rapport/v1/files/${ok.body.id}/versions`,
      part('fits.txt', kb(3)),
    );
    expect(version.status).toBe(413);
    await member.api.delete(`/api/rapport/v1/files/${ok.body.id}`);
    expect({ tables: await fileTables(t), disk: storedFiles(t) }).toMatchObject({
      disk: before.disk,
      tables: { files: before.tables.files, versions: before.tables.versions },
    });
  });

  it('refuses what would pass the community quota with 422 and says how much is left', async () => {
    const first = await upload(member, url(), part('one.txt', kb(2)));
    const second = await upload(member, url(), part('two.txt', kb(2)));
    expect([first.status, second.status]).toEqual([200, 200]);
    const before = { tables: await fileTables(t), disk: storedFiles(t) };
    const third = await upload(member, url(), part('three.txt', kb(2)));
    expect(third.status).toBe(422);
    expect(third.body.error).toBe(
      "This community's files would exceed its quota of 5 KB: 1 KB left, and this file is 2 KB",
    );
    const version = await upload(
      member,
      `/api/rapport/v1/files/${first.body.id}/versions`,
      part('one.txt', kb(2, 'b')),
    );
    expect(version.status).toBe(422);
    expect({ tables: await fileTables(t), disk: storedFiles(t) }).toEqual(before);

    // Versions count against the quota; deleting a file gives its room back.
    const small = await upload(
      member,
      `/api/rapport/v1/files/${first.body.id}/versions`,
      part('one.txt', kb(1, 'c')),
    );
    expect(small.status).toBe(200);
    const full = await member.api.get<FileLibrary>(
      `/api/rapport/v1/communities/${communityId}/file_library`,
    );
    expect(full.body).toMatchObject({ used_bytes: 5 * 1024, files_count: 2 });
    expect((await member.api.delete(`/api/rapport/v1/files/${first.body.id}`)).status).toBe(200);
    expect((await upload(member, url(), part('three.txt', kb(2)))).status).toBe(200);
  });

  it('lets only one of two uploads take the last room', async () => {
    const room = await community(t, 'private', [[member, 'member']]);
    const target = `/api/rapport/v1/communities/${room}/files`;
    await upload(member, target, part('base.txt', kb(2)));
    const results = await Promise.all([
      upload(member, target, part('left.txt', kb(2, 'l'))),
      upload(member, target, part('right.txt', kb(2, 'r'))),
    ]);
    expect(results.map((res) => res.status).sort()).toEqual([200, 422]);
    const usage = await t.ctx.db
      .selectFrom('community_file_usage')
      .selectAll()
      .where('community_id', '=', room)
      .executeTakeFirstOrThrow();
    expect(usage).toMatchObject({ bytes: 4 * 1024, files_count: 2 });
    expect(storedFiles(t).filter((entry) => entry.startsWith(`${room}/`))).toHaveLength(2);
  });
});
