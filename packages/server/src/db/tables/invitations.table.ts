import type { Role } from '@rapport/schema';

export interface InvitationsTable {
  id: number;
  code: string;
  created_by_id: number | null;
  role: Role;
  email: string | null;
  note: string;
  max_uses: number | null;
  uses: number;
  expires_at: number | null;
  revoked_at: number | null;
  created_at: number;
}
