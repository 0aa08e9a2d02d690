import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CommunityFile, DomainEvent, FileLibrary, FileVersion } from '@rapport/schema';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { officeDocument, simplePdf } from '../../demo/documents';
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

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('the community file library', () => {
  let t: TestApp;
  let owner: Person;
  let moderator: Person;
  let member: Person;
  let reader: Person;
  let communityId: number;
  const events: DomainEvent[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    [owner, moderator, member, reader] = await Promise.all([
      person(t),
      person(t),
      person(t),
      person(t),
    ]);
    communityId = await community(t, 'private', [
      [owner, 'owner'],
      [moderator, 'moderator'],
      [member, 'member'],
    ]);
    for (const type of ['file.created', 'file.version_added', 'file.deleted'] as const) {
      t.ctx.events.on(type, (event) => {
        events.push(event);
      });
    }
  });
  afterAll(() => t.close());

  const filesUrl = () => `/api/rapport/v1/communities/${communityId}/files`;

  it('uploads a PDF: checked, stored outside /media under a server-made name, counted, announced', async () => {
    const pdf = simplePdf('Quarterly plan', ['Goals', 'Risks']);
    const res = await upload(member, filesUrl(), part('Quarterly plan.pdf', pdf), [
      ['description', '  The plan for Q3  '],
    ]);
    expect(res.status, res.text).toBe(200);
    const file = res.body as CommunityFile;
    expect(file).toMatchObject({
      name: 'Quarterly plan.pdf',
      description: 'The plan for Q3',
      mime: 'application/pdf',
      size: pdf.length,
      versions_count: 1,
      current_version: 1,
      community: { id: String(communityId), privacy: 'private' },
      uploaded_by: { id: String(member.account.id) },
      can_delete: true,
      can_add_version: true,
    });
    expect(file.download_url).toBe(`${t.url}/api/rapport/v1/files/${file.id}/download`);

    const stored = storedFiles(t);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(new RegExp(`^${communityId}/[A-Za-z0-9_-]{32}$`));
    expect(fs.existsSync(path.join(t.dataDir, 'media'))).toBe(true);
    expect(fs.readdirSync(path.join(t.dataDir, 'media'), { recursive: true })).toEqual([]);
    const onDisk = fs.readFileSync(path.join(t.dataDir, 'files', stored[0] as string));
    expect(sha256(onDisk)).toBe(sha256(pdf));

    const library = await member.api.get<FileLibrary>(
      `/api/rapport/v1/communities/${communityId}/file_library`,
    );
    expect(library.body).toMatchObject({
      files_count: 1,
      used_bytes: pdf.length,
      quota_bytes: 1024 ** 3,
      max_file_bytes: 25 * 1024 ** 2,
      can_upload: true,
    });
    expect(library.body.accepted_extensions).toContain('docx');
    await t.ctx.events.settled();
    expect(events.at(-1)).toEqual({
      type: 'file.created',
      file_id: file.id,
      community_id: String(communityId),
      by_id: String(member.account.id),
    });
    // Nobody else may delete it, except the community's owners and moderators.
    const seen = await owner.api.get<CommunityFile>(`/api/rapport/v1/files/${file.id}`);
    expect(seen.body.can_delete).toBe(true);
  });

  it('downloads with the detected type, a safe attachment name, nosniff and a sandbox', async () => {
    const data = text('name,amount\nCafé,3\n');
    const created = await upload(member, filesUrl(), part('Budget "été" 2026.csv', data));
    expect(created.status, created.text).toBe(200);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/rapport/v1/files/${created.body.id}/download`,
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="Budget __t__ 2026.csv"; filename*=UTF-8\'\'Budget%20%22%C3%A9t%C3%A9%22%202026.csv',
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(Number(res.headers['content-length'])).toBe(data.length);
    expect(res.rawPayload.equals(Buffer.from(data))).toBe(true);
    expect(res.headers.etag).toBe(`"${sha256(data)}"`);
    const again = await t.app.inject({
      method: 'GET',
      url: `/api/rapport/v1/files/${created.body.id}/download`,
      headers: { authorization: `Bearer ${owner.token}`, 'if-none-match': `"${sha256(data)}"` },
    });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('lists the library most recently changed first, a page at a time with Link headers', async () => {
    const other = await community(t, 'public', [[member, 'owner']]);
    const url = `/api/rapport/v1/communities/${other}/files`;
    for (const name of ['a.txt', 'b.txt', 'c.txt']) {
      expect((await upload(member, url, part(name, text(name)))).status).toBe(200);
    }
    const first = await member.api.get<CommunityFile[]>(`${url}?limit=2`);
    expect(first.body.map((file) => file.name)).toEqual(['c.txt', 'b.txt']);
    const next = /<([^>]+)>; rel="next"/.exec(String(first.headers.link))?.[1] as string;
    expect(next).toContain('cursor=');
    const second = await member.api.get<CommunityFile[]>(next.replace(t.url, ''));
    expect(second.body.map((file) => file.name)).toEqual(['a.txt']);
    expect(second.headers.link).toBeUndefined();
    expect((await member.api.get(`${url}?cursor=not-a-cursor`)).status).toBe(400);
  });

  it('adds versions: the file moves to the top, each version stays downloadable, co-authors are recorded', async () => {
    const v1 = simplePdf('Handbook', ['First draft']);
    const created = await upload(member, filesUrl(), part('Handbook.pdf', v1));
    const id = created.body.id as string;
    const v2 = simplePdf('Handbook', ['Second draft, reviewed']);
    const res = await upload(
      moderator,
      `/api/rapport/v1/files/${id}/versions`,
      part('handbook-reviewed.pdf', v2),
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Handbook.pdf',
      size: v2.length,
      versions_count: 2,
      current_version: 2,
      uploaded_by: { id: String(member.account.id) },
      can_delete: true,
    });
    const list = await member.api.get<CommunityFile[]>(filesUrl());
    expect(list.body[0]?.id).toBe(id);

    const versions = await member.api.get<FileVersion[]>(`/api/rapport/v1/files/${id}/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body.map((v) => [v.n, v.filename, v.current, v.uploaded_by.id])).toEqual([
      [2, 'handbook-reviewed.pdf', true, String(moderator.account.id)],
      [1, 'Handbook.pdf', false, String(member.account.id)],
    ]);
    expect(versions.body[1]?.sha256).toBe(sha256(v1));
    expect(versions.body[1]?.download_url).toBe(
      `${t.url}/api/rapport/v1/files/${id}/download?version=1`,
    );

    const current = await t.app.inject({
      url: `/api/rapport/v1/files/${id}/download`,
      headers: { authorization: `Bearer ${member.token}` },
    });
    expect(sha256(current.rawPayload)).toBe(sha256(v2));
    const old = await t.app.inject({
      url: `/api/rapport/v1/files/${id}/download?version=1`,
      headers: { authorization: `Bearer ${member.token}` },
    });
    expect(sha256(old.rawPayload)).toBe(sha256(v1));
    expect(old.headers['content-disposition']).toContain(
      "filename*=UTF-8''Handbook%20%28version%201%29.pdf",
    );
    const missing = await member.api.get(`/api/rapport/v1/files/${id}/download?version=3`);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('Version not found');

    const coAuthored = await t.ctx.db
      .selectFrom('interactions')
      .select(['kind', 'actor_id', 'target_id', 'subject_type'])
      .where('subject_id', '=', Number(id))
      .execute();
    expect(coAuthored).toEqual([
      {
        kind: 'co_authored',
        actor_id: moderator.account.id,
        target_id: member.account.id,
        subject_type: 'file',
      },
    ]);
    await t.ctx.events.settled();
    expect(events.at(-1)).toMatchObject({ type: 'file.version_added', file_id: id, version: 2 });
  });

  it('keeps a new version to the file type; text stays text, keeping its own kind', async () => {
    const notes = await upload(member, filesUrl(), part('notes.md', text('# Notes\n')));
    const id = notes.body.id as string;
    const txt = await upload(
      owner,
      `/api/rapport/v1/files/${id}/versions`,
      part('notes.txt', text('# Notes v2\n')),
    );
    expect(txt.status, txt.text).toBe(200);
    expect(txt.body).toMatchObject({ name: 'notes.md', mime: 'text/markdown', current_version: 2 });

    const before = { tables: await fileTables(t), disk: storedFiles(t) };
    const pdf = await upload(
      owner,
      `/api/rapport/v1/files/${id}/versions`,
      part('notes.pdf', simplePdf('x', [])),
    );
    expect(pdf.status).toBe(422);
    expect(pdf.body.error).toBe(
      'A new version must be of the same type as notes.md (a Markdown file); this file is a PDF document',
    );
    expect(pdf.body.details).toEqual({ file: [pdf.body.error] });
    expect({ tables: await fileTables(t), disk: storedFiles(t) }).toEqual(before);
  });

  it('refuses forged extensions with 422, storing nothing', async () => {
    const before = { tables: await fileTables(t), disk: storedFiles(t) };
    const forged: Array<[string, Uint8Array, string]> = [
      ['photo.png', text('MZ\x90\x00 this program cannot be run in DOS mode'), 'a Windows program'],
      ['invoice.png', simplePdf('Invoice', []), 'a PDF document'],
      ['readme.txt', text('<html><body><script>alert(1)</script></body></html>'), 'a web page'],
      ['budget.docx', officeDocument('xlsx'), 'an Excel workbook'],
    ];
    for (const [name, data, label] of forged) {
      const res = await upload(member, filesUrl(), part(name, data, 'image/png'));
      expect(res.status, name).toBe(422);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.error, name).toContain(`The content of this file is ${label}`);
    }
    const exe = await upload(member, filesUrl(), part('setup.exe', text('MZ')));
    expect(exe.status).toBe(422);
    expect(exe.body.error).toMatch(/^\.exe files are not accepted/);
    const noFile = await member.api.post(filesUrl(), { description: 'no file' });
    expect(noFile.status).toBe(422);
    expect({ tables: await fileTables(t), disk: storedFiles(t) }).toEqual(before);
  });

  it('lets the owner, a moderator or the community owner delete, with every version, from disk too', async () => {
    const mine = await upload(member, filesUrl(), part('mine.txt', text('v1')));
    await upload(
      member,
      `/api/rapport/v1/files/${mine.body.id}/versions`,
      part('mine.txt', text('v2')),
    );
    const byModerator = await upload(owner, filesUrl(), part('owners.txt', text('owner')));
    const diskBefore = storedFiles(t);
    const usageBefore = (await fileTables(t)).usage.find((row) => row.community_id === communityId);

    const refused = await reader.api.delete(`/api/rapport/v1/files/${mine.body.id}`);
    expect(refused.status).toBe(404);
    const notAllowed = await owner.api.get(`/api/rapport/v1/files/${byModerator.body.id}`);
    expect(notAllowed.body.can_delete).toBe(true);
    const memberTries = await member.api.delete(`/api/rapport/v1/files/${byModerator.body.id}`);
    expect(memberTries.status).toBe(403);
    expect(memberTries.body.error).toBe(
      "Only the file's owner or the community's owners and moderators can delete it",
    );
    expect(storedFiles(t)).toEqual(diskBefore);

    expect((await member.api.delete(`/api/rapport/v1/files/${mine.body.id}`)).status).toBe(200);
    expect(
      (await moderator.api.delete(`/api/rapport/v1/files/${byModerator.body.id}`)).status,
    ).toBe(200);
    expect(storedFiles(t)).toHaveLength(diskBefore.length - 3);
    expect((await member.api.get(`/api/rapport/v1/files/${mine.body.id}`)).status).toBe(404);
    const rows = await fileTables(t);
    expect(rows.versions.some((row) => String(row.file_id) === mine.body.id)).toBe(false);
    expect(rows.terms.some((row) => String(row.file_id) === mine.body.id)).toBe(false);
    const usage = rows.usage.find((row) => row.community_id === communityId);
    expect(usage?.bytes).toBe((usageBefore?.bytes ?? 0) - 2 - 2 - 5);
    expect(usage?.files_count).toBe((usageBefore?.files_count ?? 0) - 2);
    await t.ctx.events.settled();
    expect(events.at(-1)).toMatchObject({
      type: 'file.deleted',
      file_id: byModerator.body.id,
      by_id: String(moderator.account.id),
    });
    expect((await member.api.delete(`/api/rapport/v1/files/${mine.body.id}`)).status).toBe(404);
  });

  it('removes the stored bytes when the database write fails', async () => {
    const before = { tables: await fileTables(t), disk: storedFiles(t) };
    const postgres = t.ctx.dialect === 'postgres';
    if (postgres) {
      await sql`create function refuse_files() returns trigger language plpgsql as
        $$ begin raise exception 'refused by test'; end $$`.execute(t.ctx.db);
      await sql`create trigger refuse_files before insert on community_files
        for each row execute function refuse_files()`.execute(t.ctx.db);
    } else {
      await sql`create trigger refuse_files before insert on community_files
        begin select raise(abort, 'refused by test'); end`.execute(t.ctx.db);
    }
    try {
      const res = await upload(member, filesUrl(), part('doomed.txt', text('never kept')));
      expect(res.status).toBe(500);
      expect({ tables: await fileTables(t), disk: storedFiles(t) }).toEqual(before);
    } finally {
      await sql`drop trigger refuse_files${postgres ? sql` on community_files` : sql``}`.execute(
        t.ctx.db,
      );
      if (postgres) await sql`drop function refuse_files`.execute(t.ctx.db);
    }
  });

  it('removes a deleted community’s folder of files', async () => {
    const doomed = await community(t, 'public', [[member, 'owner']]);
    await upload(member, `/api/rapport/v1/communities/${doomed}/files`, part('x.txt', text('x')));
    expect(storedFiles(t).some((entry) => entry.startsWith(`${doomed}/`))).toBe(true);
    await t.ctx.db.deleteFrom('communities').where('id', '=', doomed).execute();
    t.ctx.events.emit({
      type: 'community.deleted',
      community_id: String(doomed),
      by_id: String(member.account.id),
    });
    await t.ctx.events.settled();
    expect(storedFiles(t).some((entry) => entry.startsWith(`${doomed}/`))).toBe(false);
  });
});
