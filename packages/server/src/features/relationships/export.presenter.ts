import type { AccountRef, RelationshipExport } from '@rapport/schema';
import type { AppContext } from '../../context';
import { presentAccount, presentAccountRef } from '../accounts/accounts.presenter';
import type { AccountRow } from '../accounts/accounts.queries';
import { stageAdvice } from './advice';
import type { ContextLabel } from './context-labels.queries';
import { KIND_NAMES } from './evidence';
import type { Tally } from './model';
import type { IntroductionRow, LedgerAct } from './privacy.queries';
import { presentRelationship } from './relationships.presenter';
import type { RelationshipRow } from './relationships.queries';

const iso = (ms: number) => new Date(ms).toISOString();

export interface ExportFacts {
  viewerId: number;
  enabled: boolean;
  now: number;
  /** The viewer and the people they may see: anyone else is left out. */
  accounts: Map<number, AccountRow>;
  rows: RelationshipRow[];
  /** Tallies between the viewer and each person, by that person. */
  tallies: Map<number, Tally[]>;
  /** The other side's marks, only to say whether a mark is mutual. */
  marks: Map<number, { trusted: boolean; close: boolean }>;
  labels: Map<string, ContextLabel>;
  introductions: IntroductionRow[];
  acts: LedgerAct[];
}

/** The viewer's part in an introduction. */
function roleOf(viewerId: number, row: IntroductionRow) {
  if (row.requester_id === viewerId) return 'requester' as const;
  if (row.introducer_id === viewerId) return 'introducer' as const;
  return 'target' as const;
}

/** The export download: the viewer's relationship data as they alone may read it. */
export function presentExport(ctx: AppContext, facts: ExportFacts): RelationshipExport {
  const { viewerId, accounts, now } = facts;
  const ref = (id: number) => presentAccountRef(accounts.get(id)) as AccountRef;
  return {
    exported_at: iso(now),
    account: ref(viewerId),
    enabled: facts.enabled,
    relationships: facts.rows.map((row) => {
      const account = accounts.get(row.other_id) as AccountRow;
      const relationship = presentRelationship(viewerId, {
        row,
        account: presentAccount(ctx, account),
        tallies: facts.tallies.get(account.id) ?? [],
        labels: facts.labels,
        theirs: facts.marks.get(account.id),
        now,
        advice: (stage) => stageAdvice(stage, account.username, null),
      });
      const { advice: _advice, account: _account, id: _id, reconnect: _r, ...rest } = relationship;
      return { ...rest, account: ref(account.id) };
    }),
    introductions: facts.introductions.map((row) => ({
      id: String(row.id),
      role: roleOf(viewerId, row),
      state: row.state,
      declined_by: row.declined_by,
      requester: ref(row.requester_id),
      introducer: ref(row.introducer_id),
      target: ref(row.target_id),
      message: row.message,
      note: row.note,
      created_at: iso(row.created_at),
      updated_at: iso(row.updated_at),
    })),
    interactions: facts.acts.map((act) => {
      const outgoing = act.actor_id === viewerId;
      return {
        kind: KIND_NAMES[act.kind],
        direction: outgoing ? ('outgoing' as const) : ('incoming' as const),
        account: ref(outgoing ? act.target_id : act.actor_id),
        context: facts.labels.get(act.context ?? 'timeline')?.name ?? null,
        at: iso(act.created_at),
      };
    }),
  };
}

/** The person introduced learns of a request only once the introducer forwards it. */
export function knownToViewer(viewerId: number, row: IntroductionRow): boolean {
  if (roleOf(viewerId, row) !== 'target') return true;
  return row.state !== 'requested' && row.declined_by !== 'introducer';
}
