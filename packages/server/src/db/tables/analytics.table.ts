/** One row per person per UTC day on which they used Rapport (read or wrote): "active". */
export interface AccountActivityDaysTable {
  account_id: number;
  /** Days since 1970-01-01 (UTC). */
  day: number;
}

/** People who are counted in organisation totals only, never in departments or communities. */
export interface AnalyticsOptOutsTable {
  account_id: number;
  created_at: number;
}

/** The response target an organisation or a community set for itself. */
export interface AnalyticsTargetsTable {
  /** `organisation` or `community:ID`. */
  scope: string;
  answer_within_hours: number;
  /** The share of questions to answer within the hours, in percent (5..100). */
  answered_percent: number;
  updated_by_id: number | null;
  updated_at: number;
}
