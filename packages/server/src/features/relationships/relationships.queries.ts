import type { RelationshipStage } from '@rapport/schema';
import { type RawBuilder, type Selectable, sql } from 'kysely';
import { newId } from '../../db/ids';
import type { Db } from '../../db/tables';
import type { RelationshipsTable } from '../../db/tables/relationships.table';
import { visibleAccountSql } from '../visibility/account-scope.queries';
import type { AccountScope } from '../visibility/visibility';
import { DAY_MS, HORIZON_DAYS, STAGES, type Tally } from './model';

export type RelationshipRow = Selectable<RelationshipsTable>;

export interface RelationshipListOptions {
  ownerId: number;
  scope: AccountScope;
  stage?: Exclude<RelationshipStage, 'none'> | undefined;
  dormant?: boolean | undefined;
  /** Only rows stored at one of these stages (before any drop for silence). */
  storedStages?: RelationshipStage[] | undefined;
  after?: { score: number; id: number } | undefined;
  limit: number;
  now: number;
}

const horizonMs = (stage: Exclude<RelationshipStage, 'none'>) => HORIZON_DAYS[stage] * DAY_MS;

/** SQL for model.ts's `standingAt`: the stored stage shows one lower after twice its horizon. */
function droppedSql(stage: Exclude<RelationshipStage, 'none'>, now: number): RawBuilder<boolean> {
  if (stage === 'encounter') return sql<boolean>`1 = 0`;
  return sql<boolean>`(r.declared = 0 and r.last_substantive_at < ${now - 2 * horizonMs(stage)})`;
}

/** Rows whose shown stage is `stage`: stored there and not dropped, or dropped from above. */
function shownStageSql(
  stage: Exclude<RelationshipStage, 'none'>,
  now: number,
): RawBuilder<boolean> {
  const above = STAGES[STAGES.indexOf(stage) + 1] as Exclude<RelationshipStage, 'none'> | undefined;
  const stays = sql<boolean>`(r.stage = ${stage} and not ${droppedSql(stage, now)})`;
  if (!above) return stays;
  return sql<boolean>`(${stays} or (r.stage = ${above} and ${droppedSql(above, now)}))`;
}

/**
 * Rows whose last substantive exchange is older than their stored stage's horizon. Never
 * null (rows without any substantive exchange are not dormant), so `not` keeps them.
 */
function dormantSql(now: number): RawBuilder<boolean> {
  const stages = STAGES.filter((s) => s !== 'none') as Array<Exclude<RelationshipStage, 'none'>>;
  return sql<boolean>`(${sql.join(
    stages.map(
      (stage) =>
        sql`(r.stage = ${stage} and r.last_substantive_at is not null and r.last_substantive_at < ${now - horizonMs(stage)})`,
    ),
    sql` or `,
  )})`;
}

/**
 * One page of a person's own relationships, strongest first (stored scores order the same
 * as strengths at any one time), continuing after (score, id); people they may no longer
 * see and suspended people are left out.
 */
export async function listRelationshipRows(
  db: Db,
  options: RelationshipListOptions,
): Promise<RelationshipRow[]> {
  let query = db
    .selectFrom('relationships as r')
    .innerJoin('accounts as a', 'a.id', 'r.other_id')
    .selectAll('r')
    .where('r.owner_id', '=', options.ownerId)
    .where('r.stage', '!=', 'none')
    .where('a.suspended', '=', 0)
    .where(visibleAccountSql('a', options.scope, options.ownerId))
    // Nothing computed about someone who turned insights off shows, even a row left behind.
    .where(
      sql<boolean>`not exists (select 1 from relationship_opt_outs o where o.account_id = r.other_id)`,
    );
  if (options.storedStages) query = query.where('r.stage', 'in', options.storedStages);
  if (options.stage) query = query.where(shownStageSql(options.stage, options.now));
  if (options.dormant !== undefined) {
    const dormant = dormantSql(options.now);
    query = query.where(options.dormant ? dormant : sql<boolean>`not ${dormant}`);
  }
  if (options.after) {
    const { score, id } = options.after;
    query = query.where(
      sql<boolean>`(r.score < ${score} or (r.score = ${score} and r.id < ${id}))`,
    );
  }
  return query.orderBy('r.score', 'desc').orderBy('r.id', 'desc').limit(options.limit).execute();
}

export async function findRelationshipRow(
  db: Db,
  ownerId: number,
  otherId: number,
): Promise<RelationshipRow | undefined> {
  return db
    .selectFrom('relationships')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('other_id', '=', otherId)
    .executeTakeFirst();
}

export async function findRelationshipById(
  db: Db,
  ownerId: number,
  id: number,
): Promise<RelationshipRow | undefined> {
  return db
    .selectFrom('relationships')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The other side's marks, to tell whether a mark is mutual (never shown alone). */
export async function marksTowards(
  db: Db,
  viewerId: number,
  otherIds: number[],
): Promise<Map<number, { trusted: boolean; close: boolean }>> {
  if (otherIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('relationships')
    .select(['owner_id', 'mark_trusted', 'mark_close'])
    .where('owner_id', 'in', otherIds)
    .where('other_id', '=', viewerId)
    .execute();
  return new Map(
    rows.map((r) => [r.owner_id, { trusted: r.mark_trusted === 1, close: r.mark_close === 1 }]),
  );
}

/** The tallies between the viewer and each of these people, both directions. */
export async function talliesWith(db: Db, viewerId: number, otherIds: number[]): Promise<Tally[]> {
  if (otherIds.length === 0) return [];
  const [outgoing, incoming] = await Promise.all([
    db
      .selectFrom('interaction_tallies')
      .selectAll()
      .where('actor_id', '=', viewerId)
      .where('target_id', 'in', otherIds)
      .execute(),
    db
      .selectFrom('interaction_tallies')
      .selectAll()
      .where('target_id', '=', viewerId)
      .where('actor_id', 'in', otherIds)
      .execute(),
  ]);
  return [...outgoing, ...incoming];
}

export interface PrivateFields {
  note?: string | undefined;
  remind_every_days?: number | null | undefined;
  mark_trusted?: number | undefined;
  mark_close?: number | undefined;
}

/** The owner's private fields; a row is made (stage none) for someone never met. */
export async function savePrivateFields(
  db: Db,
  ownerId: number,
  otherId: number,
  fields: PrivateFields,
  now: number,
): Promise<void> {
  const changes = { ...fields, updated_at: now };
  // A reminder counts from when it was set (or last changed), for people never exchanged with.
  const reminder =
    fields.remind_every_days === undefined
      ? {}
      : {
          remind_set_at:
            fields.remind_every_days === null
              ? sql<number | null>`null`
              : sql<number>`case when relationships.remind_every_days = ${fields.remind_every_days}
                  then relationships.remind_set_at else ${now} end`,
        };
  await db
    .insertInto('relationships')
    .values({
      id: newId(),
      owner_id: ownerId,
      other_id: otherId,
      stage: 'none',
      declared: 0,
      score: 0,
      reciprocated: 0,
      first_interaction_at: null,
      last_interaction_at: null,
      last_substantive_at: null,
      note: '',
      remind_every_days: null,
      mark_trusted: 0,
      mark_close: 0,
      ...changes,
      remind_set_at: fields.remind_every_days ? now : null,
    })
    .onConflict((oc) =>
      oc.columns(['owner_id', 'other_id']).doUpdateSet({ ...changes, ...reminder }),
    )
    .execute();
}
