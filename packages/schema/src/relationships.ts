import { z } from 'zod';
import { Account } from './accounts';
import { AccountRef } from './admin';
import { DateTime, FormBoolean, FormInt, Id } from './common';

/**
 * The stages a working relationship goes through (DESIGN.md section 3), weakest first.
 * `close` is never inferred: both people must declare it.
 */
export const RelationshipStage = z.enum([
  'none',
  'encounter',
  'recognition',
  'collaboration',
  'trusted',
  'close',
]);
export type RelationshipStage = z.infer<typeof RelationshipStage>;

/** The acts the model reads, in the words the import uses. */
export const InteractionKindName = z.enum([
  'favourite',
  'reblog',
  'reply',
  'mention',
  'message',
  'answer',
  'accepted_answer',
  'page_coauthor',
  'event_together',
  'community_together',
  'introduction',
]);
export type InteractionKindName = z.infer<typeof InteractionKindName>;

/** Evidence also names votes on answers, which happen here but are not imported. */
export const RelationshipEvidenceKind = z.enum([...InteractionKindName.options, 'answer_vote']);
export type RelationshipEvidenceKind = z.infer<typeof RelationshipEvidenceKind>;

/** Where someone is about to reach out. */
export const OutreachChannel = z.enum(['direct_message', 'mention', 'event', 'page']);
export type OutreachChannel = z.infer<typeof OutreachChannel>;

/**
 * One reason for the stage: acts of one kind in one context, `outgoing` from the viewer,
 * `incoming` to them, or `mutual` (both ways, or co-presence such as the same event).
 */
export const RelationshipEvidence = z.object({
  kind: RelationshipEvidenceKind,
  direction: z.enum(['outgoing', 'incoming', 'mutual']),
  /** Where it happened, in words ("#design", "the page 'Onboarding'"), or null. */
  context: z.string().nullable(),
  count: z.number().int(),
  first_at: DateTime,
  /** The latest such act. */
  at: DateTime,
  /** The evidence in plain words, e.g. "You replied to each other 3 times in #design". */
  text: z.string(),
});
export type RelationshipEvidence = z.infer<typeof RelationshipEvidence>;

/** Something to say or do that fits the stage. */
export const AdviceSuggestion = z.object({
  kind: z.enum([
    'comment',
    'answer',
    'introduction',
    'joint_initiative',
    'message',
    'invite',
    'reconnect',
  ]),
  text: z.string(),
  /** A status to comment on or a question to answer. */
  status_id: Id.nullable(),
  /** Where to go in the web app to act on it. */
  path: z.string().nullable(),
  /** Who could introduce, for `introduction`. */
  introducer: Account.nullable(),
});
export type AdviceSuggestion = z.infer<typeof AdviceSuggestion>;

/**
 * How to reach someone, given where the relationship stands. `cold` before recognition (a
 * cold message rarely lands), `warm` after. Advice never blocks anyone.
 */
export const Advice = z.object({
  stage: RelationshipStage,
  channel: OutreachChannel.nullable(),
  tone: z.enum(['cold', 'warm']),
  headline: z.string(),
  suggestions: z.array(AdviceSuggestion),
});
export type Advice = z.infer<typeof Advice>;

/** Something the other person posted recently on a topic both care about. */
export const ReconnectReason = z.object({
  status_id: Id,
  path: z.string(),
  excerpt: z.string(),
  topic: z.string().nullable(),
  created_at: DateTime,
  text: z.string(),
});
export type ReconnectReason = z.infer<typeof ReconnectReason>;

/** The viewer's own relationship with one person. Nobody else ever sees it. */
export const WorkingRelationship = z.object({
  id: Id,
  account: Account,
  /** The stage shown: the inferred or declared one, one lower after a long silence. */
  stage: RelationshipStage,
  /** 0 and up: the decayed sum of interaction weights (half-life 90 days). */
  strength: z.number(),
  /** Each has acted towards the other. */
  reciprocated: z.boolean(),
  first_interaction_at: DateTime.nullable(),
  last_substantive_at: DateTime.nullable(),
  /** The last substantive exchange is older than the stage's horizon. */
  dormant: z.boolean(),
  evidence: z.array(RelationshipEvidence),
  advice: Advice,
  /** The viewer's private note ("how we met"). */
  note: z.string(),
  remind_every_days: z.number().int().nullable(),
  /** The viewer's own marks; they count only when both set them. */
  trusted: z.boolean(),
  close: z.boolean(),
  /** True only when both marked: until then nobody learns what the other set. */
  mutual_trusted: z.boolean(),
  mutual_close: z.boolean(),
  /** In the dormant list: a reason to get back in touch, when there is one. */
  reconnect: ReconnectReason.nullable().optional(),
});
export type WorkingRelationship = z.infer<typeof WorkingRelationship>;

export const SharedCommunity = z.object({ id: Id, name: z.string() });
export type SharedCommunity = z.infer<typeof SharedCommunity>;

/** The person card: the relationship plus what the two share. */
export const RelationshipCard = WorkingRelationship.extend({
  shared_topics: z.array(z.string()),
  shared_communities: z.array(SharedCommunity),
  /** People who know both (recognition or above with each), who could introduce. */
  mutual_contacts: z.array(Account),
});
export type RelationshipCard = z.infer<typeof RelationshipCard>;

export const RelationshipListQuery = z.object({
  stage: RelationshipStage.exclude(['none']).optional(),
  dormant: FormBoolean.optional(),
  max_id: Id.optional(),
  limit: FormInt.pipe(z.number().int().min(1).max(200)).optional(),
});
export type RelationshipListQuery = z.infer<typeof RelationshipListQuery>;

export const MAX_RELATIONSHIP_NOTE = 2000;

export const UpdateRelationship = z.object({
  note: z.string().max(MAX_RELATIONSHIP_NOTE, 'must be at most 2000 characters').optional(),
  remind_every_days: z
    .number()
    .int()
    .min(1, 'must be at least 1 day')
    .max(365, 'must be at most 365 days')
    .nullable()
    .optional(),
  trusted: z.boolean().optional(),
  close: z.boolean().optional(),
});
export type UpdateRelationship = z.infer<typeof UpdateRelationship>;

export const AdviceQuery = z.object({ channel: OutreachChannel.optional() });

/** Someone to get back in touch with: a reminder that fell due, or a tie gone quiet. */
export const Nudge = z.object({
  account: Account,
  reason: z.enum(['reminder', 'dormant']),
  stage: RelationshipStage,
  due_since: DateTime,
  last_substantive_at: DateTime.nullable(),
  remind_every_days: z.number().int().nullable(),
  reconnect: ReconnectReason.nullable(),
  text: z.string(),
});
export type Nudge = z.infer<typeof Nudge>;

export const PersonToMeet = z.object({
  account: Account,
  shared_topics: z.array(z.string()),
  mutual_contacts_count: z.number().int(),
  other_department: z.boolean(),
  reason: z.string(),
});
export type PersonToMeet = z.infer<typeof PersonToMeet>;

export const IntroductionState = z.enum(['requested', 'forwarded', 'accepted', 'declined']);
export type IntroductionState = z.infer<typeof IntroductionState>;

export const Introduction = z.object({
  id: Id,
  state: IntroductionState,
  /** Who declined, when declined. */
  declined_by: z.enum(['introducer', 'target']).nullable(),
  /** The viewer's part in it. */
  role: z.enum(['requester', 'introducer', 'target']),
  requester: Account,
  introducer: Account,
  target: Account,
  /** Why the requester wants to meet the target. */
  message: z.string(),
  /** The introducer's note when forwarding. */
  note: z.string().nullable(),
  created_at: DateTime,
  updated_at: DateTime,
});
export type Introduction = z.infer<typeof Introduction>;

export const MAX_INTRODUCTION_TEXT = 1000;

export const CreateIntroduction = z.object({
  introducer_id: Id,
  target_id: Id,
  message: z.string().trim().min(1, 'must say why you would like to meet').max(1000),
});
export type CreateIntroduction = z.infer<typeof CreateIntroduction>;

export const ForwardIntroduction = z.object({
  note: z.string().trim().max(1000).optional(),
});
export type ForwardIntroduction = z.infer<typeof ForwardIntroduction>;

export const IntroductionListQuery = z.object({
  role: z.enum(['requester', 'introducer', 'target']).optional(),
  max_id: Id.optional(),
  limit: FormInt.pipe(z.number().int().min(1).max(80)).optional(),
});

/** Whether relationship features are on for the signed-in person. */
export const RelationshipPrivacy = z.object({ enabled: z.boolean() });
export type RelationshipPrivacy = z.infer<typeof RelationshipPrivacy>;

/**
 * `GET /api/rapport/v1/relationships/export`: everything Rapport keeps about the signed-in
 * person's own relationships, as a download. The other side's marks appear only as
 * `mutual_*`; message contents are never in the ledger, so never here.
 */
export const RelationshipExport = z.object({
  exported_at: DateTime,
  account: AccountRef,
  /** Whether relationship insights are on for them. */
  enabled: z.boolean(),
  relationships: z.array(
    z.object({
      account: AccountRef,
      stage: RelationshipStage,
      strength: z.number(),
      reciprocated: z.boolean(),
      first_interaction_at: DateTime.nullable(),
      last_substantive_at: DateTime.nullable(),
      dormant: z.boolean(),
      evidence: z.array(RelationshipEvidence),
      note: z.string(),
      remind_every_days: z.number().int().nullable(),
      trusted: z.boolean(),
      close: z.boolean(),
      mutual_trusted: z.boolean(),
      mutual_close: z.boolean(),
    }),
  ),
  introductions: z.array(
    z.object({
      id: Id,
      role: z.enum(['requester', 'introducer', 'target']),
      state: IntroductionState,
      declined_by: z.enum(['introducer', 'target']).nullable(),
      requester: AccountRef,
      introducer: AccountRef,
      target: AccountRef,
      message: z.string(),
      note: z.string().nullable(),
      created_at: DateTime,
      updated_at: DateTime,
    }),
  ),
  /** The acts they took part in: what, which way, with whom, where and when. */
  interactions: z.array(
    z.object({
      kind: RelationshipEvidenceKind,
      direction: z.enum(['outgoing', 'incoming']),
      account: AccountRef,
      context: z.string().nullable(),
      at: DateTime,
    }),
  ),
});
export type RelationshipExport = z.infer<typeof RelationshipExport>;

/** One JSON line of `rapport import interactions`, usernames rather than ids. */
export const InteractionImportLine = z.object({
  actor: z.string().min(1),
  target: z.string().min(1),
  kind: InteractionKindName,
  at: z.string().min(1),
  context: z.string().max(200).nullable().optional(),
});
export type InteractionImportLine = z.infer<typeof InteractionImportLine>;

export const InteractionImportResult = z.object({
  lines: z.number().int(),
  imported: z.number().int(),
  /** Lines already imported before (same actor, target, kind, time and context). */
  duplicates: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
});
export type InteractionImportResult = z.infer<typeof InteractionImportResult>;

/** The full recomputation of the relationship model (admin): figures only, nobody's data. */
export const RelationshipRecompute = z.object({
  state: z.enum(['idle', 'running', 'finished', 'failed']),
  started_at: DateTime.nullable(),
  finished_at: DateTime.nullable(),
  /** People whose relationships were recomputed (everyone but those who opted out). */
  people: z.number().int().nullable(),
  /** Pairs at a stage above `none`. */
  pairs: z.number().int().nullable(),
  interactions: z.number().int().nullable(),
  duration_ms: z.number().int().nullable(),
  /** While running: how far it got, e.g. "relationships: 4,000 of 10,000 people". */
  progress: z.string().nullable(),
  error: z.string().nullable(),
});
export type RelationshipRecompute = z.infer<typeof RelationshipRecompute>;
