/** A person's notification choices, as JSON (`NotificationPreferences` in the schema). */
export interface NotificationPreferencesTable {
  account_id: number;
  value: string;
  updated_at: number;
}
