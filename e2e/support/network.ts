import type { RelationshipCard, Status } from '@rapport/schema';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { createAccount, tokenFor } from '../../packages/server/test/factories';
import { DESKTOP } from './browser';
import { signedInPage } from './session';
import { type Member, post } from './social';
import type { E2E } from './suite';
/** A member with a job title and department, and their API (PUT included) over the real port. */
export async function person(
  e: E2E,
  username: string,
  name: string,
  title: string,
  department: string,
  more: { skills?: string[]; role?: 'admin' } = {},
): Promise<Member & { put: <T>(path: string, body: unknown) => Promise<T> }> {
  const account = await createAccount(e.t.ctx, {
    username,
    displayName: name,
    role: more.role ?? 'member',
    profile: { title, department, skills: JSON.stringify(more.skills ?? []) },
  });
  const token = await tokenFor(e.t.ctx, account);
  const send = async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${e.t.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    expect(response.status, `${method} ${path}: ${text}`).toBeLessThan(300);
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, text };
  };
  return {
    account,
    username,
    name,
    api: { get: (path) => send('GET', path), post: (path, body = {}) => send('POST', path, body) },
    put: async (path, body) => (await send('PUT', path, body)).body as never,
  };
}

export type Person = Awaited<ReturnType<typeof person>>;

export async function reply(author: Member, to: Status, text: string): Promise<Status> {
  return post(author, { status: `@${to.account.username} ${text}`, in_reply_to_id: to.id });
}

/** Each replies to the other: a reciprocated exchange, which is recognition. */
export async function exchange(a: Member, b: Member, topic: string): Promise<void> {
  const first = await post(a, `Notes on ${topic}`);
  const answer = await reply(b, first, `Thanks, a question about ${topic}`);
  await reply(a, answer, `Good question about ${topic}`);
}

export async function mark(
  from: Person,
  to: Member,
  marks: { trusted?: boolean; close?: boolean },
) {
  await from.put<RelationshipCard>(`/api/rapport/v1/relationships/${to.account.id}`, marks);
}

export async function open(e: E2E, who: Member, path: string, viewport = DESKTOP): Promise<Page> {
  const page = await signedInPage(e.browser, e.t, who.account, viewport);
  await page.goto(path);
  return page;
}
