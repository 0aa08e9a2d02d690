import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api, multipartBody } from '../../../test/http';
import { importInteractionsFile } from '../../cli/relationships';
import type { AccountRow } from '../accounts/accounts.queries';
import { parseImportDate, parseImportLine } from './import.service';

let t: TestApp;
let admin: ReturnType<typeof api>;
let member: ReturnType<typeof api>;
beforeAll(async () => {
  t = await startTestApp();
  admin = api(t.app, (await createAccountWithToken(t.ctx, { role: 'admin' })).token);
  member = api(t.app, (await createAccountWithToken(t.ctx)).token);
});
afterAll(() => t.close());

const URL = '/api/rapport/v1/admin/interactions/import';
const DAY = 86_400_000;
const text = { 'content-type': 'text/plain' };
const lines = (...rows: unknown[]) =>
  rows.map((row) => (typeof row === 'string' ? row : JSON.stringify(row))).join('\n');

async function people(...names: string[]): Promise<AccountRow[]> {
  const suffix = Math.random().toString(36).slice(2, 6);
  const rows: AccountRow[] = [];
  for (const name of names) {
    rows.push((await createAccountWithToken(t.ctx, { username: `${name}_${suffix}` })).account);
  }
  return rows;
}

const ledgerOf = (ids: number[]) =>
  t.ctx.db
    .selectFrom('interactions')
    .selectAll()
    .where('actor_id', 'in', ids)
    .orderBy('created_at')
    .execute();

const rowOf = (owner: number, other: number) =>
  t.ctx.db
    .selectFrom('relationships')
    .selectAll()
    .where('owner_id', '=', owner)
    .where('other_id', '=', other)
    .executeTakeFirst();

describe('importing interactions', () => {
  it('keeps the good lines, reports the bad ones by number and updates the model', async () => {
    const [ana, ben] = (await people('ana', 'ben')) as [AccountRow, AccountRow];
    const at = new Date(Date.now() - 10 * DAY).toISOString();
    const later = new Date(Date.now() - 9 * DAY).toISOString();
    const future = new Date(Date.now() + DAY).toISOString();
    const body = lines(
      { actor: ana.username.toUpperCase(), target: ben.username, kind: 'reply', at },
      {
        actor: `@${ben.username}`,
        target: ana.username,
        kind: 'message',
        at: later,
        context: '#design',
      },
      '',
      'not json',
      { actor: ana.username, target: ben.username, kind: 'poke', at },
      { actor: ana.username, target: 'nobody_here', kind: 'reply', at },
      { actor: ana.username, target: ben.username, kind: 'reply', at: 'yesterday' },
      { actor: ana.username, target: ben.username, kind: 'reply', at: future },
      { actor: ana.username, target: ana.username.toUpperCase(), kind: 'reply', at },
      { target: ben.username, kind: 'reply', at },
      '[1, 2]',
    );
    const res = await admin.post(URL, body, text);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      lines: 10,
      imported: 2,
      duplicates: 0,
      errors: [
        { line: 4, message: 'is not valid JSON' },
        {
          line: 5,
          message: expect.stringMatching(/^kind "poke" is not one of favourite, reblog, reply/),
        },
        { line: 6, message: 'no account @nobody_here' },
        { line: 7, message: expect.stringContaining('"yesterday" is not an ISO 8601 date') },
        { line: 8, message: expect.stringContaining('is in the future') },
        { line: 9, message: 'actor and target are the same person' },
        { line: 10, message: 'actor is missing' },
        { line: 11, message: 'must be a JSON object {actor, target, kind, at, context}' },
      ],
    });
    const ledger = await ledgerOf([ana.id, ben.id]);
    expect(ledger.map((row) => [row.kind, row.context, row.subject_type, row.subject_id])).toEqual([
      ['reply', 'imported', 'import', 0],
      ['direct', '#design', 'import', 0],
    ]);
    expect(ledger[0]?.created_at).toBe(Date.parse(at));
    expect(ledger.every((row) => row.community_id === null && row.import_key)).toBe(true);
    // A reply one way and a message back: each addressed the other.
    expect((await rowOf(ana.id, ben.id))?.stage).toBe('recognition');
    expect((await rowOf(ben.id, ana.id))?.stage).toBe('recognition');
  });

  it('adds nothing when the same file comes again, in any of its three forms', async () => {
    const [ana, ben, cy] = (await people('ana', 'ben', 'cy')) as [
      AccountRow,
      AccountRow,
      AccountRow,
    ];
    const at = (days: number) => new Date(Date.now() - days * DAY).toISOString();
    const file = lines(
      { actor: ana.username, target: ben.username, kind: 'favourite', at: at(3) },
      {
        actor: ben.username,
        target: cy.username,
        kind: 'event_together',
        at: at(2),
        context: 'Offsite',
      },
      { actor: cy.username, target: ana.username, kind: 'page_coauthor', at: at(1) },
      // The same line twice in one file counts once.
      { actor: cy.username, target: ana.username, kind: 'page_coauthor', at: at(1) },
    );
    const first = await admin.post(URL, file, { 'content-type': 'application/x-ndjson' });
    expect(first.body).toMatchObject({ lines: 4, imported: 3, duplicates: 1, errors: [] });
    const tallies = () =>
      t.ctx.db
        .selectFrom('interaction_tallies')
        .selectAll()
        .where('actor_id', 'in', [ana.id, ben.id, cy.id])
        .orderBy('kind')
        .execute();
    const before = await tallies();
    expect(before.map((row) => [row.kind, row.count])).toEqual([
      ['co_authored', 1],
      ['favourite', 1],
      ['same_event', 1],
    ]);

    const again = await admin.post(URL, `${file}\n`, text);
    expect(again.body).toMatchObject({ lines: 4, imported: 0, duplicates: 4, errors: [] });
    const form = await multipartBody([
      [
        'file',
        { filename: 'history.jsonl', type: 'application/x-ndjson', data: Buffer.from(file) },
      ],
    ]);
    const multipart = await admin.post(URL, form.payload, form.headers);
    expect(multipart.status).toBe(200);
    expect(multipart.body).toMatchObject({ lines: 4, imported: 0, duplicates: 4 });
    expect(await ledgerOf([ana.id, ben.id, cy.id])).toHaveLength(3);
    expect(await tallies()).toEqual(before);
  });

  it('the CLI streams a file and reports the same way', async () => {
    const [ana, ben] = (await people('ana', 'ben')) as [AccountRow, AccountRow];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-import-'));
    const file = path.join(dir, 'history.jsonl');
    const at = (days: number) => new Date(Date.now() - days * DAY).toISOString();
    const rows = Array.from({ length: 1200 }, (_, i) => ({
      actor: i % 2 ? ana.username : ben.username,
      target: i % 2 ? ben.username : ana.username,
      kind: 'mention',
      at: at(1 + i / 100),
    }));
    fs.writeFileSync(file, `${lines(...rows, '{"actor": "x"')}\r\n`);
    try {
      const first = await importInteractionsFile(t.ctx, file);
      expect(first.ok).toBe(false);
      expect(first.report).toContain(
        'Read 1,201 lines: imported 1,200, 0 already imported, 1 rejected.',
      );
      expect(first.report).toContain('line 1201: is not valid JSON');
      const second = await importInteractionsFile(t.ctx, file);
      expect(second.report).toContain('imported 0, 1,200 already imported');
      const tally = await t.ctx.db
        .selectFrom('interaction_tallies')
        .select(['count'])
        .where('actor_id', '=', ana.id)
        .where('target_id', '=', ben.id)
        .executeTakeFirstOrThrow();
      expect(tally.count).toBe(600);
      await expect(importInteractionsFile(t.ctx, path.join(dir, 'missing.jsonl'))).rejects.toThrow(
        'No file',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses empty bodies, other formats, big files and anyone but an admin', async () => {
    const count = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('interactions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const empty = await admin.post(URL, '', text);
    expect(empty.status).toBe(400);
    expect(empty.body.error).toContain('The body is empty');
    expect((await admin.post(URL, ' \n\n ', text)).status).toBe(400);
    const json = await admin.post(URL, {
      actor: 'a',
      target: 'b',
      kind: 'reply',
      at: '2024-01-01',
    });
    expect(json.status).toBe(415);
    expect(json.body.error).toContain('text/plain or application/x-ndjson');
    const big = await admin.post(URL, 'x'.repeat(1024 * 1024 + 10), text);
    expect(big.status).toBe(413);
    const line = '{"actor":"a","target":"b","kind":"reply","at":"2024-01-01"}';
    expect((await member.post(URL, line, text)).status).toBe(403);
    expect((await api(t.app).post(URL, line, text)).status).toBe(401);
    expect(await count()).toBe(before);
  });
});

describe('reading a line', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');
  const line = (fields: Record<string, unknown>) =>
    parseImportLine(
      JSON.stringify({ actor: 'ana', target: 'ben', kind: 'reply', at: '2025-01-01', ...fields }),
      now,
    );

  it('maps the import words to the ledger kinds', () => {
    const kinds = {
      favourite: 'favourite',
      reblog: 'boost',
      reply: 'reply',
      mention: 'mention',
      message: 'direct',
      answer: 'answer',
      accepted_answer: 'accepted_answer',
      page_coauthor: 'co_authored',
      event_together: 'same_event',
      community_together: 'same_community',
      introduction: 'introduction',
    };
    for (const [name, kind] of Object.entries(kinds)) {
      expect(line({ kind: name })).toMatchObject({ kind });
    }
  });

  it('reads dates as ISO 8601, UTC without a zone, and nothing in the future', () => {
    expect(parseImportDate('2025-01-01')).toBe(Date.UTC(2025, 0, 1));
    expect(parseImportDate('2025-01-01T09:30:00')).toBe(Date.UTC(2025, 0, 1, 9, 30));
    expect(parseImportDate('2025-01-01 09:30')).toBe(Date.UTC(2025, 0, 1, 9, 30));
    expect(parseImportDate('2025-01-01T09:30:00+02:00')).toBe(Date.UTC(2025, 0, 1, 7, 30));
    expect(parseImportDate('2025-01-01T09:30:00.250Z')).toBe(Date.UTC(2025, 0, 1, 9, 30, 0, 250));
    for (const bad of ['01/02/2025', 'March 3, 2025', '2025-13-45', '', '1735689600000']) {
      expect(parseImportDate(bad)).toBeNull();
    }
    expect(line({ at: '2025-06-01T12:00:00Z' })).not.toHaveProperty('error');
    expect(line({ at: '2025-06-01T12:00:01Z' })).toEqual({
      error: 'at 2025-06-01T12:00:01Z is in the future',
    });
  });

  it('keeps the context as written, "imported" when there is none', () => {
    expect(line({ context: '  #design ' })).toMatchObject({ context: '#design' });
    expect(line({ context: 'Lisbon offsite 2024' })).toMatchObject({
      context: 'Lisbon offsite 2024',
    });
    expect(line({ context: null })).toMatchObject({ context: 'imported' });
    expect(line({ context: '' })).toMatchObject({ context: 'imported' });
    expect(line({ context: 'x'.repeat(201) })).toEqual({
      error: 'context must be at most 200 characters',
    });
    expect(line({ actor: '' })).toEqual({ error: 'actor must not be empty' });
    expect(line({ actor: 5 })).toEqual({ error: 'actor must be string' });
  });
});
