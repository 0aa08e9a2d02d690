import type { InviteInput, InviteResult } from '@rapport/schema';
import { sendJson } from '../../api/client';

/** What an invitation is to: an event (come along) or a page (look at it, help with it). */
export type InviteSubject = { kind: 'event' | 'page'; id: string; title: string };

/** `POST /events/:id/invitations` or `/pages/:id/invitations`; repeats are no-ops. */
export function sendInvitations(subject: InviteSubject, input: InviteInput): Promise<InviteResult> {
  const base = subject.kind === 'event' ? '/api/rapport/v1/events' : '/api/rapport/v1/pages';
  return sendJson<InviteResult>(`${base}/${encodeURIComponent(subject.id)}/invitations`, {
    method: 'POST',
    json: input,
  });
}
