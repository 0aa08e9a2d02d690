import { z } from 'zod';
import { CursorQuery, DateTime, FormInt, Id } from './common';

/**
 * Organisation analytics (DESIGN.md section 4). Every figure about people is an aggregate
 * over at least `min_group_size` people; a smaller one comes back as `{ suppressed: true }`.
 */
export const Suppressed = z.object({ suppressed: z.literal(true) });
export type Suppressed = z.infer<typeof Suppressed>;

/** A count of people: shown from `min_group_size` up (and 0), suppressed from 1 to below it. */
export const PeopleCount = z.union([z.number().int(), Suppressed]);
export type PeopleCount = z.infer<typeof PeopleCount>;

/** A share (0..1) computed over a group of people; null when there is nothing to share. */
export const GroupShare = z.union([z.number(), z.null(), Suppressed]);
export type GroupShare = z.infer<typeof GroupShare>;

/**
 * `organisation`, `department:NAME` (admins) or `community:ID` (admins and that
 * community's owners and moderators).
 */
export const AnalyticsScopeParam = z
  .string()
  .regex(/^(organisation|department:.{1,100}|community:\d{1,16})$/, {
    message: 'must be organisation, department:NAME or community:ID',
  });

export const AnalyticsFormat = z.enum(['json', 'csv']);

/** A day (YYYY-MM-DD, UTC) or an ISO date-time. */
const PeriodBound = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, {
  message: 'must be a date (YYYY-MM-DD) or an ISO date-time',
});

/**
 * The period is [from, to). Defaults: `to` now, `from` twelve weeks before `to`; at most
 * 366 days. `table` picks which table a CSV download holds (each endpoint names its own).
 */
export const AnalyticsQuery = z.object({
  scope: AnalyticsScopeParam.default('organisation'),
  from: PeriodBound.optional(),
  to: PeriodBound.optional(),
  format: AnalyticsFormat.default('json'),
  table: z.string().max(40).optional(),
});
export type AnalyticsQuery = z.infer<typeof AnalyticsQuery>;

/** What every report says about itself. */
export const AnalyticsFrame = z.object({
  scope: z.string(),
  /** The scope in words: the organisation's name, a department, a community's name. */
  scope_name: z.string(),
  from: DateTime,
  to: DateTime,
  generated_at: DateTime,
  min_group_size: z.number().int(),
});
export type AnalyticsFrame = z.infer<typeof AnalyticsFrame>;

/** A whole report withheld: its scope covers fewer than `min_group_size` people. */
export const SuppressedReport = AnalyticsFrame.extend({ suppressed: z.literal(true) });
export type SuppressedReport = z.infer<typeof SuppressedReport>;

export const Segments = z.object({
  /** Members with no visit, reaction or contribution in the period. */
  inactive: PeopleCount,
  /** Members who visited or reacted but contributed nothing. */
  observers: PeopleCount,
  occasional: PeopleCount,
  heavy: PeopleCount,
});
export type Segments = z.infer<typeof Segments>;

export const PersonaName = z.enum(['observer', 'broadcaster', 'responder', 'catalyst', 'engager']);
export type PersonaName = z.infer<typeof PersonaName>;

export const PersonaCounts = z.object({
  observer: PeopleCount,
  broadcaster: PeopleCount,
  responder: PeopleCount,
  catalyst: PeopleCount,
  engager: PeopleCount,
});
export type PersonaCounts = z.infer<typeof PersonaCounts>;

/** The thresholds the segments and personas use, as the code has them (shown on the page). */
export const AnalyticsThresholds = z.object({
  /** Heavy contributors average at least this many contributions a week... */
  heavy_per_week: z.number(),
  /** ...and make at least this many in the period. */
  heavy_minimum: z.number(),
  /** What a favourite or boost weighs against a written post or reply, given or received. */
  reaction_weight: z.number(),
  /** Catalysts receive at least this many responses per thing they give. */
  catalyst_ratio: z.number(),
  /** Responders give at least this share of their activity as replies and reactions. */
  responder_share: z.number(),
  /** Broadcasters receive fewer than this many responses per thing they give. */
  broadcaster_ratio: z.number(),
});
export type AnalyticsThresholds = z.infer<typeof AnalyticsThresholds>;

export const ParticipationWeek = z.object({
  /** The week's first day (weeks are counted from the period's start). */
  week_start: DateTime,
  contributors: PeopleCount,
  contributions: z.number().int(),
  reactions: z.number().int(),
  /** Members who visited, reacted or contributed that week. */
  active: PeopleCount,
  first_time_contributors: PeopleCount,
  top15_share: GroupShare,
  gini: z.number().nullable(),
});
export type ParticipationWeek = z.infer<typeof ParticipationWeek>;

/** `GET /api/rapport/v1/analytics/participation`. */
export const Participation = AnalyticsFrame.extend({
  suppressed: z.literal(false),
  members: z.number().int(),
  contributors: PeopleCount,
  /** Statuses (replies, questions and answers included) and page revisions. */
  contributions: z.number().int(),
  /** Favourites and boosts given: light participation, counted apart. */
  reactions: z.number().int(),
  top1_share: GroupShare,
  top10_share: GroupShare,
  top15_share: GroupShare,
  gini: z.number().nullable(),
  /** [share of members, share of contributions], from [0, 0] to [1, 1], poorest first. */
  lorenz: z.array(z.tuple([z.number(), z.number()])),
  segments: Segments,
  first_time_contributors: PeopleCount,
  returning_first_time_contributors: PeopleCount,
  personas: PersonaCounts,
  thresholds: AnalyticsThresholds,
  weekly: z.array(ParticipationWeek),
});
export type Participation = z.infer<typeof Participation>;
export const ParticipationReport = z.union([Participation, SuppressedReport]);
export type ParticipationReport = z.infer<typeof ParticipationReport>;

/** A response target: `answered_share` of questions answered within `answer_within_hours`. */
export const ResponseTarget = z.object({
  scope: z.string(),
  answer_within_hours: z.number().int(),
  answered_share: z.number(),
  /** Where this target comes from: set for the scope, inherited from the organisation, or the default. */
  source: z.enum(['scope', 'organisation', 'default']),
  updated_at: DateTime.nullable(),
});
export type ResponseTarget = z.infer<typeof ResponseTarget>;

/** `PUT /api/rapport/v1/analytics/targets` (organisation: admins; community: its owners and moderators). */
export const UpdateResponseTarget = z.object({
  scope: AnalyticsScopeParam,
  answer_within_hours: FormInt.pipe(z.number().int().min(1).max(720)),
  answered_share: z.coerce.number().min(0.05).max(1),
});
export type UpdateResponseTarget = z.infer<typeof UpdateResponseTarget>;

export const ResponsivenessWeek = z.object({
  week_start: DateTime,
  asked: z.number().int(),
  answered: z.number().int(),
  median_hours: z.number().nullable(),
  within_target_share: z.number().nullable(),
});
export type ResponsivenessWeek = z.infer<typeof ResponsivenessWeek>;

/** `GET /api/rapport/v1/analytics/responsiveness`: questions asked in the period. */
export const Responsiveness = AnalyticsFrame.extend({
  suppressed: z.literal(false),
  questions_asked: z.number().int(),
  /** Asked in the period and answered by someone other than the asker (by now). */
  answered: z.number().int(),
  accepted: z.number().int(),
  median_hours_to_first_answer: z.number().nullable(),
  p90_hours_to_first_answer: z.number().nullable(),
  /** Of the questions asked, the share first answered within the target's hours. */
  within_target_share: z.number().nullable(),
  target: ResponseTarget,
  /** Asked in the period and still without an answer from someone else. */
  unanswered: z.number().int(),
  weekly: z.array(ResponsivenessWeek),
});
export type Responsiveness = z.infer<typeof Responsiveness>;
export const ResponsivenessReport = z.union([Responsiveness, SuppressedReport]);
export type ResponsivenessReport = z.infer<typeof ResponsivenessReport>;

/**
 * `GET /api/rapport/v1/analytics/unanswered`: the queue pages oldest first with an opaque
 * `cursor` (the Link header's rel="next" carries it); `format=csv` downloads the queue.
 */
export const UnansweredQuery = AnalyticsQuery.merge(CursorQuery);
export type UnansweredQuery = z.infer<typeof UnansweredQuery>;

/** One question of the unanswered queue (`GET /api/rapport/v1/analytics/unanswered`, oldest first). */
export const UnansweredQuestion = z.object({
  id: Id,
  /** The question's first words, as plain text. */
  excerpt: z.string(),
  url: z.string(),
  community: z.object({ id: Id, name: z.string() }).nullable(),
  created_at: DateTime,
  waiting_hours: z.number(),
});
export type UnansweredQuestion = z.infer<typeof UnansweredQuestion>;

export const TopicKind = z.enum(['hashtag', 'community', 'skill']);
export type TopicKind = z.infer<typeof TopicKind>;

export const KnowledgeRemedy = z.enum(['write_page', 'backup_responder', 'answer_queue']);
export type KnowledgeRemedy = z.infer<typeof KnowledgeRemedy>;

export const KnowledgeTopic = z.object({
  kind: TopicKind,
  /** The hashtag or skill name, or the community id. */
  key: z.string(),
  name: z.string(),
  /** Where to see the topic in the app (its tag, community or expertise page). */
  url: z.string(),
  /** The fewest people whose answers and pages make up at least half of the topic's. */
  bus_factor: z.number().int(),
  /** People who answered or wrote pages on it. */
  contributors: z.number().int(),
  answers: z.number().int(),
  pages: z.number().int(),
  /** Demand: questions asked on the topic in the period. */
  questions_asked: z.number().int(),
  unanswered: z.number().int(),
  /** People who list the topic among their skills. */
  listed_by: z.number().int(),
  /** Bus factor 2 or less (0: nobody answers) with recurring demand (knowledge-risk.ts). */
  at_risk: z.boolean(),
  remedies: z.array(KnowledgeRemedy),
});
export type KnowledgeTopic = z.infer<typeof KnowledgeTopic>;

/** `GET /api/rapport/v1/analytics/knowledge_risk`: riskiest topics first. */
export const KnowledgeRisk = AnalyticsFrame.extend({
  suppressed: z.literal(false),
  topics: z.array(KnowledgeTopic),
  /** Topics left out because fewer than `min_group_size` people took part in them. */
  hidden_topics: z.number().int(),
});
export type KnowledgeRisk = z.infer<typeof KnowledgeRisk>;
export const KnowledgeRiskReport = z.union([KnowledgeRisk, SuppressedReport]);
export type KnowledgeRiskReport = z.infer<typeof KnowledgeRiskReport>;

export const SiloDepartment = z.object({
  name: z.string(),
  members: z.number().int(),
  /** Of the interactions its people started, the share that reached another department. */
  cross_share: z.number().nullable(),
  /** Cross-department share below the isolation threshold. */
  isolated: z.boolean(),
});
export type SiloDepartment = z.infer<typeof SiloDepartment>;

/** `GET /api/rapport/v1/analytics/silos` (admins; the organisation). */
export const Silos = AnalyticsFrame.extend({
  suppressed: z.literal(false),
  /** Departments with at least `min_group_size` members; smaller ones are pooled as "Other". */
  departments: z.array(SiloDepartment),
  /** matrix[i][j]: interactions from people of departments[i] to people of departments[j]. */
  matrix: z.array(z.array(z.number().int())),
  total_interactions: z.number().int(),
  cross_department_share: z.number().nullable(),
  /** Of the pairs of people where one reached the other, the share where both did. */
  reciprocity: z.number().nullable(),
  isolated_threshold: z.number(),
});
export type Silos = z.infer<typeof Silos>;
export const SilosReport = z.union([Silos, SuppressedReport]);
export type SilosReport = z.infer<typeof SilosReport>;

export const MyInsightsWeek = z.object({
  week_start: DateTime,
  contributions: z.number().int(),
  reactions_given: z.number().int(),
  replies_received: z.number().int(),
  reactions_received: z.number().int(),
});
export type MyInsightsWeek = z.infer<typeof MyInsightsWeek>;

/** `GET /api/rapport/v1/analytics/me`: the signed-in person's own insights; nobody else's. */
export const MyInsights = z.object({
  from: DateTime,
  to: DateTime,
  generated_at: DateTime,
  persona: PersonaName,
  thresholds: AnalyticsThresholds,
  contributions: z.number().int(),
  reactions_given: z.number().int(),
  replies_received: z.number().int(),
  reactions_received: z.number().int(),
  answers: z.number().int(),
  accepted_answers: z.number().int(),
  /** From a question to their answer, over their first answers to others' questions. */
  median_hours_to_answer: z.number().nullable(),
  weekly: z.array(MyInsightsWeek),
  /** Where they help most: their answers and replies to others, by community. */
  communities: z.array(
    z.object({ id: Id, name: z.string(), answers: z.number().int(), replies: z.number().int() }),
  ),
});
export type MyInsights = z.infer<typeof MyInsights>;

/** `GET/PUT /api/rapport/v1/analytics/settings` (admins change it). */
export const AnalyticsSettings = z.object({
  min_group_size: FormInt.pipe(z.number().int().min(3).max(100)),
});
export type AnalyticsSettings = z.infer<typeof AnalyticsSettings>;

/**
 * `GET/PUT /api/rapport/v1/preferences/analytics`: whether the person is counted in
 * department and community analytics (organisation totals always count everyone).
 */
export const AnalyticsPrivacy = z.object({ counted: z.boolean() });
export type AnalyticsPrivacy = z.infer<typeof AnalyticsPrivacy>;

/** `GET /api/rapport/v1/analytics/scopes`: the dashboards the signed-in person may open. */
export const AnalyticsScopes = z.object({
  organisation: z.boolean(),
  departments: z.array(z.string()),
  communities: z.array(z.object({ id: Id, name: z.string() })),
});
export type AnalyticsScopes = z.infer<typeof AnalyticsScopes>;
