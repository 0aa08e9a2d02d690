import fs from 'node:fs';
import path from 'node:path';
import { createAccountWithToken } from '../../../test/factories';
import type { TestApp } from '../../../test/harness';
import { api, type FilePart, multipartBody } from '../../../test/http';
import type { AccountRow } from '../accounts/accounts.queries';

export { community, join } from './community.fixtures';

/** Helpers for the file library tests (HTTP as a person, what reached the disk and tables). */
export interface Person {
  account: AccountRow;
  token: string;
  api: ReturnType<typeof api>;
}

export async function person(t: TestApp, role: 'admin' | 'member' | 'guest' = 'member') {
  const { account, token } = await createAccountWithToken(t.ctx, { role });
  return { account, token, api: api(t.app, token) } satisfies Person;
}

export const text = (value: string) => new Uint8Array(Buffer.from(value));

export function part(
  filename: string,
  data: Uint8Array,
  type = 'application/octet-stream',
): FilePart {
  return { filename, type, data };
}

/** POSTs a multipart form with `file` (and other fields) as `who`. */
export async function upload(
  who: Person,
  url: string,
  file: FilePart,
  fields: Array<[string, string]> = [],
) {
  const body = await multipartBody([['file', file], ...fields]);
  return who.api.post(url, body.payload, body.headers);
}

/** Every file under the data folder's files/ (relative paths), to show what reached the disk. */
export function storedFiles(t: TestApp): string[] {
  const root = path.join(t.dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((entry) => fs.statSync(path.join(root, entry)).isFile())
    .sort();
}

/** Rows of the file tables, to show that a refused request changed nothing. */
export async function fileTables(t: TestApp) {
  const [files, versions, usage, terms, interactions] = await Promise.all([
    t.ctx.db.selectFrom('community_files').selectAll().orderBy('id').execute(),
    t.ctx.db.selectFrom('file_versions').selectAll().orderBy('id').execute(),
    t.ctx.db.selectFrom('community_file_usage').selectAll().orderBy('community_id').execute(),
    t.ctx.db.selectFrom('community_file_terms').selectAll().orderBy('term').execute(),
    t.ctx.db.selectFrom('interactions').selectAll().orderBy('id').execute(),
  ]);
  return { files, versions, usage, terms, interactions };
}
