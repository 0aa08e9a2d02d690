import type { CreateStatusInput, Notification, Status } from '@rapport/schema';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AccountRow } from '../../packages/server/src/features/accounts/accounts.queries';
import { createAccount, tokenFor } from '../../packages/server/test/factories';
import type { TestApp } from '../../packages/server/test/harness';
import {
  DESKTOP,
  pageProblems,
  SMALL_PHONE,
  screenshot,
  seriousAccessibilityViolations,
} from './browser';

/** Every social scenario runs on the narrowest common phone and on a desktop. */
export const VIEWPORTS = [
  ['phone', SMALL_PHONE],
  ['desktop', DESKTOP],
] as const;

export interface ApiReply<T> {
  status: number;
  body: T;
  text: string;
}

/**
 * The Mastodon API over the server's real port with a bearer token, as another client would
 * use it. (The server suite's in-process helper does not type-check with the DOM library.)
 */
function bearerApi(baseUrl: string, token: string) {
  const send = async <T>(method: string, path: string, body?: unknown): Promise<ApiReply<T>> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, text };
  };
  return {
    get: <T>(path: string) => send<T>('GET', path),
    post: <T>(path: string, body: unknown = {}) => send<T>('POST', path, body),
  };
}

export interface Member {
  account: AccountRow;
  username: string;
  name: string;
  /** The Mastodon API as this person. */
  api: ReturnType<typeof bearerApi>;
}

/** A member of the organisation with a bearer token, for seeding what the browser is not testing. */
export async function member(t: TestApp, username: string, name: string): Promise<Member> {
  const account = await createAccount(t.ctx, { username, displayName: name });
  return { account, username, name, api: bearerApi(t.url, await tokenFor(t.ctx, account)) };
}

export async function post(author: Member, input: string | CreateStatusInput): Promise<Status> {
  const reply = await author.api.post<Status>(
    '/api/v1/statuses',
    typeof input === 'string' ? { status: input } : input,
  );
  expect(reply.status, reply.text).toBe(200);
  return reply.body;
}

export async function follow(follower: Member, followee: Member): Promise<void> {
  const reply = await follower.api.post<unknown>(`/api/v1/accounts/${followee.account.id}/follow`);
  expect(reply.status, reply.text).toBe(200);
}

export async function notificationsOf(person: Member): Promise<Notification[]> {
  const reply = await person.api.get<Notification[]>('/api/v1/notifications');
  expect(reply.status, reply.text).toBe(200);
  return reply.body;
}

/** The status card showing `text` (notifications wrap cards in articles of their own). */
export function statusCard(scope: Page | Locator, text: string): Locator {
  return scope.locator('article[data-status-id]').filter({ hasText: text });
}

/** Waits until no list on the page is still loading (skeletons carry aria-busy). */
export async function settled(page: Page): Promise<void> {
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
}

/**
 * Screenshot and checks of a page at rest: no serious or critical axe violation, no sideways
 * scrolling (the 375 px phone is where it shows), no script or CSP error so far. On a phone
 * the screenshot is what the person sees, with `subject` scrolled into view; on a desktop it
 * is the whole page.
 */
export async function checkPage(page: Page, name: string, subject?: Locator): Promise<void> {
  await settled(page);
  expect(await seriousAccessibilityViolations(page), name).toEqual([]);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  expect(pageProblems(page), name).toEqual([]);
  await shoot(page, name, subject);
}

export async function shoot(page: Page, name: string, subject?: Locator): Promise<void> {
  const phone = (page.viewportSize()?.width ?? DESKTOP.width) < 600;
  if (phone && subject) {
    await subject.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  } else if (!phone) {
    // A full-page capture draws the sticky header where the page happens to be scrolled.
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  await screenshot(page, name, !phone);
}

/** Presses Tab until `target` has the focus; answers how many presses it took. */
export async function tabTo(page: Page, target: Locator, limit = 60): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
  }
  throw new Error(`Tab never reached ${target} in ${limit} presses`);
}

/** Marks the document, to tell later whether something reloaded it. */
export async function markDocument(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => {
    (window as unknown as { e2eMark: boolean }).e2eMark = true;
  });
  return () => page.evaluate(() => (window as unknown as { e2eMark?: boolean }).e2eMark === true);
}

/**
 * Resolves once the page's WebSocket has asked for the signed-in person's stream. Call it
 * before the page opens; an event published before the subscription would never arrive.
 */
export function userStreamOpened(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on('websocket', (socket) => {
      if (!socket.url().includes('/api/v1/streaming')) return;
      socket.on('framesent', ({ payload }) => {
        if (typeof payload === 'string' && /"type":"subscribe".*"stream":"user"/.test(payload)) {
          resolve();
        }
      });
    });
  });
}
