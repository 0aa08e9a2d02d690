import type {
  Account,
  CreateIntroduction,
  ForwardIntroduction,
  Introduction,
} from '@rapport/schema';
import { type Page, sendJson, sendPage } from '../../api/client';

export type IntroductionRole = Introduction['role'];

/** Query keys of introductions, kept here with the requests they name. */
export const introductionKeys = {
  all: ['introductions'] as const,
  lists: ['introductions', 'list'] as const,
  list: (role: IntroductionRole) => ['introductions', 'list', role] as const,
  introducers: (accountId: string) => ['introductions', 'introducers', accountId] as const,
};

const base = '/api/rapport/v1/introductions';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

/** The viewer's introductions in one role, newest first. */
export function listIntroductions(
  role: IntroductionRole,
  next?: string | null,
): Promise<Page<Introduction>> {
  if (next) return sendPage<Introduction>(next);
  return sendPage<Introduction>(base, { query: { role, limit: 20 } });
}

/** Who could introduce the viewer to this person (only that they know both). */
export function listIntroducers(accountId: string): Promise<Account[]> {
  return sendJson<Account[]>(`${base}/introducers`, { query: { target_id: accountId } });
}

export function requestIntroduction(input: CreateIntroduction): Promise<Introduction> {
  return sendJson<Introduction>(base, { method: 'POST', json: input });
}

export function forwardIntroduction(id: string, input: ForwardIntroduction): Promise<Introduction> {
  return sendJson<Introduction>(`${one(id)}/forward`, { method: 'POST', json: input });
}

export function declineIntroduction(id: string): Promise<Introduction> {
  return sendJson<Introduction>(`${one(id)}/decline`, { method: 'POST', json: {} });
}

export function acceptIntroduction(id: string): Promise<Introduction> {
  return sendJson<Introduction>(`${one(id)}/accept`, { method: 'POST', json: {} });
}
