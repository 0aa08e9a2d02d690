import type { Account, Introduction, RelationshipCard, Status } from '@rapport/schema';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './support/browser';
import { signedInPage } from './support/session';
import { checkPage, type Member, member, post, tabTo } from './support/social';
import { type E2E, e2eSuite } from './support/suite';

const BASE = '/api/rapport/v1/introductions';

/** Two people reply to each other through the API: recognition for the model. */
async function know(e: E2E, a: Member, b: Member, topic: string): Promise<void> {
  const first = await post(a, `Notes from the ${topic} review, @${b.username}`);
  const reply: Status = await post(b, {
    status: `@${a.username} thanks, very useful`,
    in_reply_to_id: first.id,
  });
  await post(a, { status: `@${b.username} glad it helped`, in_reply_to_id: reply.id });
  await e.t.ctx.events.settled();
}

async function open(e: E2E, person: Member, path: string, viewport = DESKTOP): Promise<Page> {
  const page = await signedInPage(e.browser, e.t, person.account, viewport);
  await page.goto(path);
  return page;
}

function section(page: Page, title: string) {
  return page.getByRole('region', { name: title });
}

describe('an introduction completed by three people', () => {
  const e = e2eSuite();

  it('is asked from a profile, forwarded with a note by keyboard, accepted, and the pair meets', async () => {
    const ana = await member(e.t, 'ana', 'Ana Silva');
    const bruno = await member(e.t, 'bruno', 'Bruno Costa');
    const carla = await member(e.t, 'carla', 'Carla Diaz');
    const dave = await member(e.t, 'dave', 'Dave Okafor');
    await know(e, ana, bruno, 'roadmap');
    await know(e, bruno, carla, 'billing');
    const introducers = await ana.api.get<Account[]>(
      `${BASE}/introducers?target_id=${carla.account.id}`,
    );
    expect(introducers.body.map((a) => a.username)).toEqual(['bruno']);

    // Ana asks Bruno to introduce her to Carla, from the person card on Carla's profile.
    const anaPage = await open(e, ana, '/@carla');
    const panel = anaPage.getByRole('region', { name: 'You and Carla Diaz' });
    await panel.getByRole('link', { name: 'Bruno Costa' }).waitFor();
    await checkPage(anaPage, 'introductions-person-card-desktop', panel);
    await panel.getByRole('button', { name: 'Ask for an introduction to Carla Diaz' }).click();
    const dialog = anaPage.getByRole('dialog', {
      name: 'Meet Carla Diaz through someone you both know',
    });
    await dialog.getByRole('radio', { name: 'Bruno Costa' }).waitFor();
    // Sending without choosing says what is missing.
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.getByText('Choose who should introduce you.').waitFor();
    await dialog.getByRole('radio', { name: 'Bruno Costa' }).check();
    await dialog
      .getByRole('textbox', { name: 'Why would you like to meet Carla Diaz?' })
      .fill('I am taking over the billing roadmap and would love to learn from Carla.');
    await checkPage(anaPage, 'introductions-dialog-desktop');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.getByText('Request sent').waitFor();
    await dialog.getByRole('link', { name: 'See your introductions' }).click();
    await anaPage.getByRole('link', { name: 'Introductions', exact: true }).waitFor();
    expect(
      await anaPage
        .getByRole('navigation', { name: 'Network sections' })
        .getByRole('link', { name: 'Introductions' })
        .getAttribute('aria-current'),
    ).toBe('page');
    const asked = section(anaPage, 'You asked');
    await asked.getByText('Waiting for Bruno Costa to pass it on').waitFor();
    await checkPage(anaPage, 'introductions-asked-desktop');

    // Bruno, on a phone, forwards it with a note, by keyboard.
    const brunoPage = await open(e, bruno, '/notifications', PHONE);
    await brunoPage.getByText('Ana Silva asked you for an introduction').first().waitFor();
    await brunoPage.getByRole('link', { name: 'Ana Silva would like to meet Carla Diaz' }).click();
    const ofBruno = section(brunoPage, 'Asked of you');
    await ofBruno
      .getByRole('heading', { name: 'Ana Silva would like to meet Carla Diaz' })
      .waitFor();
    await ofBruno.getByText('I am taking over the billing roadmap').waitFor();
    await checkPage(brunoPage, 'introductions-asked-of-you-phone', ofBruno);
    const forward = ofBruno.getByRole('button', { name: /^Forward with a note/ });
    await tabTo(brunoPage, forward);
    await brunoPage.keyboard.press('Enter');
    const note = ofBruno.getByRole('textbox', { name: 'Note to Carla Diaz' });
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await brunoPage.keyboard.type('Ana is great to work with; you two should compare notes.');
    await checkPage(brunoPage, 'introductions-forward-note-phone', ofBruno);
    await tabTo(brunoPage, ofBruno.getByRole('button', { name: 'Forward', exact: true }));
    await brunoPage.keyboard.press('Enter');
    await brunoPage.getByText('Passed on to Carla Diaz.').waitFor();
    await ofBruno.getByText('You passed it on; waiting for Carla Diaz').waitFor();

    // Carla sees it passed on to her, with Ana's message and Bruno's note, and accepts.
    const carlaPage = await open(e, carla, '/notifications');
    await carlaPage.getByText('Bruno Costa passed on an introduction').waitFor();
    await carlaPage.getByRole('link', { name: 'Ana Silva would like to meet you' }).click();
    const forCarla = section(carlaPage, 'For you');
    await forCarla
      .getByRole('heading', { name: 'Bruno Costa would like to introduce you to Ana Silva' })
      .waitFor();
    await forCarla.getByText('Message from Ana Silva').waitFor();
    await forCarla.getByText('Note from Bruno Costa').waitFor();
    await forCarla.getByText('you two should compare notes').waitFor();
    await checkPage(carlaPage, 'introductions-for-you-desktop');
    await forCarla.getByRole('button', { name: 'Accept the introduction to Ana Silva' }).click();
    await carlaPage.getByText('You and Ana Silva have been introduced.').waitFor();
    await forCarla.getByText('You accepted: you and Ana Silva have been introduced').waitFor();
    await checkPage(carlaPage, 'introductions-accepted-desktop');

    // Ana now stands at recognition with Carla: the API and the person card say so.
    const card = await ana.api.get<RelationshipCard>(
      `/api/rapport/v1/relationships/${carla.account.id}`,
    );
    expect(card.body.stage).toBe('recognition');
    await anaPage.goto('/@carla');
    const met = anaPage.getByRole('region', { name: 'You and Carla Diaz' });
    await met.locator('.relationship-panel-stage').getByText('Recognition').waitFor();
    expect(await met.getByRole('button', { name: /^Ask for an introduction/ }).count()).toBe(0);
    await checkPage(anaPage, 'introductions-person-card-met-desktop', met);
    await anaPage.goto('/network/introductions');
    await section(anaPage, 'You asked')
      .getByText('Carla Diaz accepted: you have been introduced')
      .waitFor();
    await checkPage(anaPage, 'introductions-met-desktop');
    const anaPhone = await open(e, ana, '/network/introductions', PHONE);
    await section(anaPhone, 'You asked').getByText('Carla Diaz accepted').waitFor();
    await checkPage(anaPhone, 'introductions-met-phone', section(anaPhone, 'You asked'));

    // Everyone's lists agree; Dave, outside it, sees nothing.
    const mine = await ana.api.get<Introduction[]>(BASE);
    expect(mine.body.map((i) => [i.role, i.state])).toEqual([['requester', 'accepted']]);
    expect((await dave.api.get<Introduction[]>(BASE)).body).toEqual([]);
    expect((await dave.api.get(`${BASE}/${mine.body[0]?.id}`)).status).toBe(404);
  });

  it('declines by keyboard, after confirming, and shows empty sections', async () => {
    const erin = await member(e.t, 'erin', 'Erin Walsh');
    const femi = await member(e.t, 'femi', 'Femi Adeyemi');
    const gwen = await member(e.t, 'gwen', 'Gwen Park');
    await know(e, erin, femi, 'hiring');
    await know(e, femi, gwen, 'security');
    const made = await erin.api.post<Introduction>(BASE, {
      introducer_id: String(femi.account.id),
      target_id: String(gwen.account.id),
      message: 'Could you introduce me to Gwen about the security audit?',
    });
    expect(made.status, made.text).toBe(200);

    const gwenPage = await open(e, gwen, '/network/introductions', PHONE);
    for (const title of ['Asked of you', 'For you', 'You asked']) {
      await section(gwenPage, title).getByRole('heading', { name: title }).waitFor();
    }
    await gwenPage.getByText('No introductions are waiting for you.').waitFor();
    await checkPage(gwenPage, 'introductions-empty-phone');

    const femiPage = await open(e, femi, '/network/introductions');
    const decline = section(femiPage, 'Asked of you').getByRole('button', {
      name: 'Decline the introduction of Erin Walsh',
    });
    await tabTo(femiPage, decline);
    await femiPage.keyboard.press('Enter');
    const confirm = femiPage.getByRole('dialog', { name: 'Decline this introduction?' });
    await confirm.getByText('Gwen Park never hears of it.').waitFor();
    await checkPage(femiPage, 'introductions-decline-confirm-desktop');
    await confirm.getByRole('button', { name: 'Decline' }).click();
    await section(femiPage, 'Asked of you').getByText('You declined').waitFor();

    const told = await erin.api.get<Array<{ type: string }>>('/api/v1/notifications');
    expect(told.body.map((n) => n.type)).toContain('introduction_declined');
    expect((await gwen.api.get<Introduction[]>(BASE)).body).toEqual([]);
  });
});
