import { describe, expect, it } from 'vitest';
import { tokenFor } from '../packages/server/test/factories';
import { PHONE } from './support/browser';
import { open, type Person, person } from './support/network';
import { checkPage, type Member, post } from './support/social';
import { e2eSuite } from './support/suite';

describe('keeping in touch and people to meet', () => {
  const e = e2eSuite();
  const DAY = 86_400_000;

  /** History months old, through the admin import (JSON lines of usernames). */
  async function history(admin: Person, lines: Array<[Member, Member, string, number, string?]>) {
    const now = Date.now();
    const body = lines
      .map(([actor, target, kind, daysAgo, context]) =>
        JSON.stringify({
          actor: actor.username,
          target: target.username,
          kind,
          at: new Date(now - daysAgo * DAY).toISOString(),
          context: context ?? null,
        }),
      )
      .join('\n');
    const response = await fetch(`${e.t.url}/api/rapport/v1/admin/interactions/import`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokenFor(e.t.ctx, admin.account)}`,
        'content-type': 'application/x-ndjson',
      },
      body,
    });
    const result = (await response.json()) as { errors: unknown[]; imported: number };
    expect(response.status).toBe(200);
    expect(result.errors).toEqual([]);
  }

  it('nudges first, then ties gone quiet with a reason to reconnect; people outside the circle', async () => {
    const ana = await person(e, 'ana', 'Ana Silva', 'Product Manager', 'Product', {
      skills: ['Accessibility'],
    });
    const hal = await person(e, 'hal', 'Hal Jensen', 'Engineer', 'Platform');
    const ian = await person(e, 'ian', 'Ian Novak', 'Analyst', 'Finance');
    const jo = await person(e, 'jo', 'Jo Park', 'Writer', 'Marketing');
    await person(e, 'kim', 'Kim Sato', 'UX Researcher', 'Marketing', {
      skills: ['Accessibility'],
    });
    const admin = await person(e, 'root', 'Admin', 'Administrator', 'IT', { role: 'admin' });

    await history(admin, [
      // Hal and Ana knew each other, then went quiet for 100 days (recognition's horizon is 90).
      [ana, hal, 'reply', 101, '#onboarding'],
      [hal, ana, 'reply', 100, '#onboarding'],
      // Ian once mentioned Ana, 70 days ago (an encounter's horizon is 60).
      [ian, ana, 'mention', 70],
      // Ana and Jo talked three weeks ago.
      [ana, jo, 'message', 22],
      [jo, ana, 'message', 21],
    ]);
    // Both write about #onboarding; Hal did so lately: something to reconnect over.
    await post(ana, 'Our #onboarding checklist is out');
    await post(hal, 'We rebuilt the #onboarding flow for new engineers, feedback welcome');
    // Ana wants to hear from Jo every two weeks: overdue.
    await ana.put(`/api/rapport/v1/relationships/${jo.account.id}`, { remind_every_days: 14 });

    const page = await open(e, ana, '/network');
    await page.getByRole('link', { name: 'Keep in touch' }).click();
    const nudges = page.getByRole('list', { name: 'Time to get in touch' });
    await nudges.getByRole('link', { name: 'Jo Park' }).waitFor();
    const items = nudges.getByRole('article');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toContain('Jo Park');
    expect(await items.nth(1).textContent()).toContain('Hal Jensen');
    expect(await items.nth(1).textContent()).toContain('Dormant');
    const reason = items.nth(1).locator('.reconnect');
    expect(await reason.textContent()).toContain('We rebuilt the #onboarding flow');
    const quiet = page.getByRole('list', { name: 'Gone quiet' });
    await quiet.getByRole('link', { name: 'Ian Novak' }).waitFor();
    await checkPage(page, 'network-keep-in-touch-desktop');
    await reason.getByRole('link', { name: 'Read what Hal Jensen posted' }).click();
    await page.getByText('We rebuilt the #onboarding flow for new engineers').first().waitFor();

    const phone = await open(e, ana, '/network/keep-in-touch', PHONE);
    await phone.getByRole('link', { name: 'Read what Hal Jensen posted' }).waitFor();
    await checkPage(phone, 'network-keep-in-touch-phone', phone.locator('.reconnect'));

    // My network's Dormant chip lists both quiet ties.
    await phone.goto('/network?dormant=1');
    const dormant = phone.getByRole('list', { name: 'Ties gone quiet' });
    await dormant.getByRole('link', { name: 'Hal Jensen' }).waitFor();
    await dormant.getByRole('link', { name: 'Ian Novak' }).waitFor();

    // People to meet: Kim, who shares a topic and works in another department.
    await page.goto('/network/people-to-meet');
    const meet = page.getByRole('list', { name: 'People you could meet' });
    const kimItem = meet.getByRole('article').filter({ hasText: 'Kim Sato' });
    await kimItem.waitFor();
    expect(await kimItem.textContent()).toContain('Other department');
    expect(await kimItem.textContent()).toContain('UX Researcher · Marketing');
    await checkPage(page, 'network-people-to-meet-desktop');
    await kimItem.getByRole('button', { name: 'Follow Kim Sato' }).click();
    await kimItem.getByRole('button', { name: 'Unfollow Kim Sato' }).waitFor();
    await phone.goto('/network/people-to-meet');
    await phone.getByRole('link', { name: 'Kim Sato' }).waitFor();
    await checkPage(phone, 'network-people-to-meet-phone');

    // A long network comes in keyset pages: 45 colleagues once favourited Ana's work.
    const fans: Member[] = [];
    for (let i = 1; i <= 45; i++) {
      fans.push(await person(e, `fan${i}`, `Fan Number ${i}`, 'Analyst', 'Operations'));
    }
    await history(
      admin,
      fans.map((fan, i) => [fan, ana, 'favourite', 3 + i / 10] as [Member, Member, string, number]),
    );
    await page.goto('/network?stage=encounter');
    const encounters = page.getByRole('list', { name: 'People at the Encounter stage' });
    await encounters.getByRole('article').first().waitFor();
    expect(await encounters.getByRole('article').count()).toBe(40);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => encounters.getByRole('article').count()).toBe(46);
    await page.getByRole('button', { name: 'Load more' }).waitFor({ state: 'detached' });
  });
});
