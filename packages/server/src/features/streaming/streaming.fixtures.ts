import { createAccountWithToken } from '../../../test/factories';
import type { TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { newId } from '../../db/ids';
import type { AccountRow } from '../accounts/accounts.queries';

/**
 * Test helpers for the social graph shared by the notification and streaming tests. They use
 * the follow, block and mute routes once those exist, and until then write the rows and emit
 * the events those routes will emit.
 */
export interface Person {
  account: AccountRow;
  token: string;
  api: ReturnType<typeof api>;
}

export async function person(t: TestApp, username?: string): Promise<Person> {
  const { account, token } = await createAccountWithToken(
    t.ctx,
    username ? { username, email: `${username}@example.com` } : {},
  );
  return { account, token, api: api(t.app, token) };
}

type Action = 'follow' | 'unfollow' | 'block' | 'unblock' | 'mute' | 'unmute';

const hasRoute = (t: TestApp, action: Action) =>
  t.app.hasRoute({ method: 'POST', url: `/api/v1/accounts/:id/${action}` });

async function viaRoute(t: TestApp, actor: Person, target: Person, action: Action, body = {}) {
  const res = await actor.api.post(`/api/v1/accounts/${target.account.id}/${action}`, body);
  if (res.status !== 200) throw new Error(`${action} answered ${res.status}: ${res.text}`);
  await t.ctx.events.settled();
}

const pair = (actor: Person, target: Person) => ({
  account_id: String(actor.account.id),
  target_id: String(target.account.id),
});

export async function follow(t: TestApp, actor: Person, target: Person): Promise<void> {
  if (hasRoute(t, 'follow')) return viaRoute(t, actor, target, 'follow');
  await t.ctx.db
    .insertInto('follows')
    .values({
      id: newId(),
      account_id: actor.account.id,
      target_account_id: target.account.id,
      show_reblogs: 1,
      notify: 0,
      created_at: Date.now(),
    })
    .execute();
  t.ctx.events.emit({ type: 'follow.created', ...pair(actor, target) });
  await t.ctx.events.settled();
}

export async function unfollow(t: TestApp, actor: Person, target: Person): Promise<void> {
  if (hasRoute(t, 'unfollow')) return viaRoute(t, actor, target, 'unfollow');
  await t.ctx.db
    .deleteFrom('follows')
    .where('account_id', '=', actor.account.id)
    .where('target_account_id', '=', target.account.id)
    .execute();
  t.ctx.events.emit({ type: 'follow.removed', ...pair(actor, target) });
  await t.ctx.events.settled();
}

export async function block(t: TestApp, actor: Person, target: Person): Promise<void> {
  if (hasRoute(t, 'block')) return viaRoute(t, actor, target, 'block');
  await t.ctx.db
    .insertInto('blocks')
    .values({
      id: newId(),
      account_id: actor.account.id,
      target_account_id: target.account.id,
      created_at: Date.now(),
    })
    .execute();
  t.ctx.events.emit({ type: 'block.created', ...pair(actor, target) });
  await t.ctx.events.settled();
}

export async function unblock(t: TestApp, actor: Person, target: Person): Promise<void> {
  if (hasRoute(t, 'unblock')) return viaRoute(t, actor, target, 'unblock');
  await t.ctx.db
    .deleteFrom('blocks')
    .where('account_id', '=', actor.account.id)
    .where('target_account_id', '=', target.account.id)
    .execute();
  t.ctx.events.emit({ type: 'block.removed', ...pair(actor, target) });
  await t.ctx.events.settled();
}

export async function mute(
  t: TestApp,
  actor: Person,
  target: Person,
  options: { notifications?: boolean } = {},
): Promise<void> {
  const notifications = options.notifications ?? true;
  if (hasRoute(t, 'mute')) return viaRoute(t, actor, target, 'mute', { notifications });
  await t.ctx.db
    .insertInto('mutes')
    .values({
      id: newId(),
      account_id: actor.account.id,
      target_account_id: target.account.id,
      hide_notifications: notifications ? 1 : 0,
      expires_at: null,
      created_at: Date.now(),
    })
    .execute();
  t.ctx.events.emit({ type: 'mute.created', ...pair(actor, target) });
  await t.ctx.events.settled();
}

export async function unmute(t: TestApp, actor: Person, target: Person): Promise<void> {
  if (hasRoute(t, 'unmute')) return viaRoute(t, actor, target, 'unmute');
  await t.ctx.db
    .deleteFrom('mutes')
    .where('account_id', '=', actor.account.id)
    .where('target_account_id', '=', target.account.id)
    .execute();
  t.ctx.events.emit({ type: 'mute.removed', ...pair(actor, target) });
  await t.ctx.events.settled();
}
