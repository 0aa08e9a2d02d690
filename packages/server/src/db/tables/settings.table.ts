/** Server-wide values that every node must share: secrets, the one-time setup token. */
export interface ServerSettingsTable {
  key: string;
  value: string;
  updated_at: number;
}
