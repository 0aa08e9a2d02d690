import { createHash } from 'node:crypto';
import {
  InteractionImportLine,
  type InteractionImportResult,
  InteractionKindName,
} from '@rapport/schema';
import type { z } from 'zod';
import type { AppContext } from '../../context';
import type { InteractionKind } from '../../db/tables/communities.table';
import { accountIdsByUsername, type ImportedAct, insertImportedActs } from './import.queries';
import { applyActs } from './model.queries';

/** The import's words for the ledger's kinds (DESIGN.md section 3). */
export const IMPORT_KINDS: Record<InteractionKindName, InteractionKind> = {
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

/**
 * Lines per transaction: big enough to be quick, small enough (tens of milliseconds) not
 * to hold other requests up; on SQLite a transaction has the database to itself.
 */
const BATCH_LINES = 200;
/** A file of garbage must not fill the reply: the first errors are enough to fix it. */
export const MAX_REPORTED_ERRORS = 1000;
/** Imported acts without a context of their own. */
export const IMPORTED_CONTEXT = 'imported';

/** `2024-03-01`, `2024-03-01T09:30:00Z`, `2024-03-01T09:30:00.000+02:00`; no zone means UTC. */
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

export interface ParsedLine {
  actor: string;
  target: string;
  kind: InteractionKind;
  at: number;
  context: string;
}

const fieldOf = (path: PropertyKey[]) => path.map(String).join('.') || 'line';

function describeIssue(issue: z.core.$ZodIssue, input: Record<string, unknown>): string {
  const field = fieldOf(issue.path);
  if (field === 'kind' && issue.code === 'invalid_value') {
    return `kind "${String(input.kind)}" is not one of ${InteractionKindName.options.join(', ')}`;
  }
  if (issue.code === 'invalid_type' && input[field] === undefined) return `${field} is missing`;
  if (issue.code === 'invalid_type') return `${field} must be ${issue.expected}`;
  if (issue.code === 'too_small') return `${field} must not be empty`;
  if (issue.code === 'too_big') return `${field} must be at most ${issue.maximum} characters`;
  return `${field}: ${issue.message}`;
}

/** An ISO 8601 date as epoch ms, or null; a time without a zone is read as UTC. */
export function parseImportDate(text: string): number | null {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return null;
  const hasTime = /[T ]\d/i.test(text);
  const ms = Date.parse(hasTime && !match[1] ? `${text.trim().replace(' ', 'T')}Z` : text.trim());
  return Number.isNaN(ms) ? null : ms;
}

/** Usernames as the import writes them: `ana`, `@Ana`, `Ana` all name the same account. */
export const usernameKey = (name: string) => name.trim().replace(/^@/, '').toLowerCase();

/** One line checked on its own (usernames are resolved later, a batch at a time). */
export function parseImportLine(text: string, now: number): ParsedLine | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: 'is not valid JSON' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { error: 'must be a JSON object {actor, target, kind, at, context}' };
  }
  const parsed = InteractionImportLine.safeParse(json);
  if (!parsed.success) {
    const messages = parsed.error.issues.map((issue) =>
      describeIssue(issue, json as Record<string, unknown>),
    );
    return { error: messages.join('; ') };
  }
  const line = parsed.data;
  const at = parseImportDate(line.at);
  if (at === null) {
    return { error: `at "${line.at}" is not an ISO 8601 date such as 2024-03-01T09:30:00Z` };
  }
  if (at > now) return { error: `at ${line.at} is in the future` };
  const actor = usernameKey(line.actor);
  const target = usernameKey(line.target);
  if (actor === target) return { error: 'actor and target are the same person' };
  return {
    actor,
    target,
    kind: IMPORT_KINDS[line.kind],
    at,
    context: line.context?.trim() || IMPORTED_CONTEXT,
  };
}

/** Same actor, target, kind, time and context: the same line, whatever file it came in. */
export function importKey(act: Omit<ImportedAct, 'import_key'>): string {
  return createHash('sha256')
    .update(`${act.actor_id}\n${act.target_id}\n${act.kind}\n${act.created_at}\n${act.context}`)
    .digest('base64url');
}

interface Pending {
  line: number;
  parsed: ParsedLine;
}

class ImportRun {
  readonly result: InteractionImportResult = { lines: 0, imported: 0, duplicates: 0, errors: [] };
  private pending: Pending[] = [];

  constructor(
    private readonly ctx: AppContext,
    private readonly now: number,
    private readonly beside: boolean,
  ) {}

  reject(line: number, message: string): void {
    if (this.result.errors.length < MAX_REPORTED_ERRORS) this.result.errors.push({ line, message });
  }

  async add(line: number, text: string): Promise<void> {
    if (text.trim() === '') return;
    this.result.lines += 1;
    const parsed = parseImportLine(text, this.now);
    if ('error' in parsed) this.reject(line, parsed.error);
    else this.pending.push({ line, parsed });
    if (this.pending.length >= BATCH_LINES) await this.flush();
  }

  /** Resolves the batch's usernames, then writes it and updates the model in one transaction. */
  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const ids = await accountIdsByUsername(
      this.ctx.db,
      batch.flatMap((p) => [p.parsed.actor, p.parsed.target]),
    );
    const acts: ImportedAct[] = [];
    for (const { line, parsed } of batch) {
      const actorId = ids.get(parsed.actor);
      const targetId = ids.get(parsed.target);
      const unknown = [parsed.actor, parsed.target].filter((name) => !ids.has(name));
      if (actorId === undefined || targetId === undefined) {
        this.reject(line, `no account ${unknown.map((name) => `@${name}`).join(' or ')}`);
        continue;
      }
      const act = {
        actor_id: actorId,
        target_id: targetId,
        kind: parsed.kind,
        context: parsed.context,
        created_at: parsed.at,
      };
      acts.push({ ...act, import_key: importKey(act) });
    }
    const started = performance.now();
    const inserted = await this.ctx.db.transaction().execute(async (trx) => {
      const fresh = await insertImportedActs(trx, acts);
      await applyActs(trx, fresh, this.now);
      return fresh;
    });
    // Beside a running server on SQLite (the CLI), its writes wait for ours: let them in.
    if (this.beside && this.ctx.dialect === 'sqlite') {
      await new Promise((resolve) => setTimeout(resolve, performance.now() - started));
    }
    this.result.imported += inserted.length;
    this.result.duplicates += acts.length - inserted.length;
  }
}

/**
 * Imports history an organisation already has, one JSON line per act (`{actor, target,
 * kind, at, context}`, usernames): good lines are kept, bad ones reported by their 1-based
 * number, and a line imported before adds nothing. Only acts actually added go through
 * the model's incremental update. `lines` may be a file read line by line.
 */
export async function importInteractions(
  ctx: AppContext,
  lines: Iterable<string> | AsyncIterable<string>,
  byId: number | null,
  options: { now?: number; besideServer?: boolean } = {},
): Promise<InteractionImportResult> {
  const run = new ImportRun(ctx, options.now ?? Date.now(), options.besideServer === true);
  let number = 0;
  for await (const text of lines) {
    number += 1;
    await run.add(number, text);
  }
  await run.flush();
  // Unknown usernames are found a batch at a time, after that batch's other errors.
  run.result.errors.sort((a, b) => a.line - b.line);
  if (run.result.imported > 0) {
    ctx.events.emit({
      type: 'interactions.imported',
      by_id: byId === null ? null : String(byId),
      imported: run.result.imported,
    });
  }
  return run.result;
}
