import type { Chat, ChatMessage } from '@rapport/schema';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, seriousAccessibilityViolations, setColourScheme } from './support/browser';
import { signedInPage } from './support/session';
import { checkPage, type Member, member, shoot, tabTo, userStreamOpened } from './support/social';
import { type E2E, e2eSuite } from './support/suite';

/** Live arrivals may take a moment more than a page's own requests. */
const LIVE = { timeout: 10_000 };

function messagesLink(page: Page) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Messages/ });
}

/** The conversation's messages, as the page shows them (oldest first). */
function log(page: Page) {
  return page.getByRole('log');
}

async function shownTexts(page: Page): Promise<string[]> {
  return log(page)
    .locator('[data-message-id] .message-text')
    .evaluateAll((items) => items.map((item) => item.textContent?.trim() ?? ''));
}

/** Opens a page signed in as `person` and waits until its user stream is subscribed. */
async function open(e: E2E, person: Member, path: string, viewport = DESKTOP): Promise<Page> {
  const page = await signedInPage(e.browser, e.t, person.account, viewport);
  const streaming = userStreamOpened(page);
  await page.goto(path);
  await streaming;
  return page;
}

/** The page in the dark scheme: no serious axe violation there either, and a screenshot. */
async function checkDark(page: Page, name: string): Promise<void> {
  await setColourScheme(page, 'dark');
  expect(await seriousAccessibilityViolations(page), `${name} (dark)`).toEqual([]);
  await shoot(page, `${name}-dark`);
  await setColourScheme(page, 'light');
}

async function startChat(starter: Member, others: Member[], title?: string): Promise<Chat> {
  const reply = await starter.api.post<Chat>('/api/rapport/v1/chats', {
    account_ids: others.map((other) => String(other.account.id)),
    ...(title ? { title } : {}),
  });
  expect(reply.status, reply.text).toBe(200);
  return reply.body;
}

async function say(author: Member, chat: Chat, text: string): Promise<ChatMessage> {
  const reply = await author.api.post<ChatMessage>(`/api/rapport/v1/chats/${chat.id}/messages`, {
    text,
  });
  expect(reply.status, reply.text).toBe(200);
  return reply.body;
}

async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: /^Message / });
  await box.fill(text);
  await box.press('Enter');
}

describe('conversations between two people', () => {
  const e = e2eSuite();

  it('delivers live both ways, counts unread on the other side and shows when it was seen', async () => {
    const ana = await member(e.t, 'ana', 'Ana Silva');
    const bruno = await member(e.t, 'bruno', 'Bruno Costa');

    // Ana on a desktop starts the conversation from Bruno's profile.
    const anaPage = await open(e, ana, '/@bruno');
    await anaPage.getByRole('heading', { level: 1, name: 'Bruno Costa' }).waitFor();
    await anaPage.getByRole('button', { name: 'Message Bruno Costa' }).click();
    await anaPage.getByRole('heading', { level: 1, name: 'Bruno Costa' }).waitFor();
    expect(anaPage.url()).toMatch(/\/messages\/\d+$/);
    await anaPage
      .getByText('This is the beginning of your conversation with Bruno Costa.')
      .waitFor();
    await checkPage(anaPage, 'chats-new-conversation-desktop');

    // Bruno on a phone waits on his conversation list.
    const brunoPage = await open(e, bruno, '/messages', PHONE);
    const list = brunoPage.getByRole('list', { name: 'Conversations' });
    const withAna = list.getByRole('link', { name: /Ana Silva/ });
    await withAna.getByText('No messages yet').waitFor();
    expect(await messagesLink(brunoPage).textContent()).not.toContain('unread');

    // Ana writes; the send button waits for text, Enter sends.
    const send0 = anaPage.getByRole('button', { name: 'Send' });
    expect(await send0.isDisabled()).toBe(true);
    await send(anaPage, 'Hi Bruno, is the **budget** review still at 3?');
    await log(anaPage).locator('[data-message-id]').first().waitFor();
    expect(await anaPage.getByRole('textbox', { name: 'Message Bruno Costa' }).inputValue()).toBe(
      '',
    );

    // Bruno's badge and list count it at once, without a reload.
    await expect.poll(() => messagesLink(brunoPage).textContent(), LIVE).toContain('(1 unread)');
    await withAna.getByText('is the budget review still at 3?').waitFor();
    expect(await withAna.textContent()).toContain('1 unread message');
    await checkPage(brunoPage, 'chats-list-unread-phone', withAna);
    await checkDark(brunoPage, 'chats-list-unread-phone');

    // He opens it: the message, its Markdown rendered; he has read it.
    await withAna.click();
    await brunoPage.getByRole('heading', { level: 1, name: 'Ana Silva' }).waitFor();
    await log(brunoPage).locator('strong', { hasText: 'budget' }).waitFor();
    await expect.poll(() => messagesLink(brunoPage).textContent()).not.toContain('unread');
    // ... and Ana sees it seen.
    await log(anaPage).getByText('Seen by Bruno Costa').waitFor(LIVE);

    // Bruno answers on two lines (Shift+Enter) and Ana, reading, gets it live.
    const box = brunoPage.getByRole('textbox', { name: 'Message Ana Silva' });
    await box.fill('Yes, 3pm.');
    await box.press('Shift+Enter');
    await box.pressSequentially('Room 4B.');
    expect(await box.inputValue()).toBe('Yes, 3pm.\nRoom 4B.');
    await box.press('Enter');
    await log(anaPage).getByText('Room 4B.').waitFor(LIVE);
    // Ana has it on screen, so it never counts as unread for her, and Bruno sees it seen.
    await log(brunoPage).getByText('Seen by Ana Silva').waitFor(LIVE);
    expect(await messagesLink(anaPage).textContent()).not.toContain('unread');
    expect(await log(anaPage).getByText('Seen by Bruno Costa').count()).toBe(0);

    await send(anaPage, 'Great, see you there. Agenda: https://intranet.example/budget');
    await log(brunoPage)
      .getByRole('link', { name: 'https://intranet.example/budget' })
      .waitFor(LIVE);
    expect(await shownTexts(brunoPage)).toEqual([
      'Hi Bruno, is the budget review still at 3?',
      'Yes, 3pm.\nRoom 4B.',
      'Great, see you there. Agenda: https://intranet.example/budget',
    ]);
    expect(await shownTexts(anaPage)).toEqual(await shownTexts(brunoPage));
    await checkPage(anaPage, 'chats-conversation-desktop');
    await checkDark(anaPage, 'chats-conversation-desktop');
    await checkPage(
      brunoPage,
      'chats-conversation-phone',
      brunoPage.getByRole('textbox', { name: 'Message Ana Silva' }),
    );

    // On the phone the list is one tap back.
    await brunoPage.getByRole('link', { name: 'Back to conversations' }).click();
    await withAna.getByText('Ana Silva', { exact: true }).waitFor();
    expect(await withAna.textContent()).toContain('Great, see you there.');
    expect(await withAna.textContent()).not.toContain('unread');

    // Search finds the message and leads to its conversation.
    await anaPage.getByRole('searchbox', { name: 'Search your messages' }).fill('room');
    const found = anaPage.getByRole('link', { name: /Room 4B/ });
    await found.waitFor();
    expect(await found.locator('mark').textContent()).toBe('Room');
    await checkPage(anaPage, 'chats-search-desktop');
    await anaPage
      .getByRole('searchbox', { name: 'Search your messages' })
      .fill('nothing like this');
    await anaPage.getByText('No messages match “nothing like this”.').waitFor();

    await anaPage.context().close();
    await brunoPage.context().close();
  });

  it('keeps a failed send with Retry, sends it once, and catches up after being offline', async () => {
    const fay = await member(e.t, 'fay', 'Fay Okafor');
    const gus = await member(e.t, 'gus', 'Gus Lindqvist');
    const chat = await startChat(gus, [fay]);
    // More than a page of history, so the earliest wait behind "Load earlier messages".
    for (let n = 1; n <= 45; n++) await say(n % 2 ? gus : fay, chat, `History ${n}`);

    const page = await open(e, fay, `/messages/${chat.id}`);
    await log(page).getByText('History 45').waitFor();
    expect(await log(page).getByText('History 1', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Load earlier messages' }).click();
    await log(page).getByText('History 1', { exact: true }).waitFor();
    await page
      .getByText('This is the beginning of your conversation with Gus Lindqvist.')
      .waitFor();
    expect((await shownTexts(page)).length).toBe(45);

    // Offline: her message cannot go; it stays with its text and a Retry.
    // The next socket to subscribe is the one opened after the drop.
    const reconnected = userStreamOpened(page);
    await page.context().setOffline(true);
    await send(page, 'Are you there?');
    const failed = log(page).locator('.message-failed');
    await failed.getByText('Not sent.').waitFor(LIVE);
    expect(await failed.getByText('Are you there?').count()).toBe(1);
    await shoot(page, 'chats-failed-send-desktop');

    // Meanwhile Gus writes three messages she cannot receive.
    await say(gus, chat, 'Missed one');
    await say(gus, chat, 'Missed two');
    await say(gus, chat, 'Missed three');

    // Back online: the stream reconnects and fetches what was missed, once and in order.
    await page.context().setOffline(false);
    await reconnected;
    await log(page).getByText('Missed three').waitFor(LIVE);
    await failed.getByRole('button', { name: 'Retry' }).click();
    await log(page)
      .locator('[data-message-id]')
      .filter({ hasText: 'Are you there?' })
      .waitFor(LIVE);
    await expect.poll(() => failed.count()).toBe(0);
    const texts = await shownTexts(page);
    expect(texts.slice(-4)).toEqual(['Missed one', 'Missed two', 'Missed three', 'Are you there?']);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.length).toBe(49);

    // The server holds the retried message once.
    const stored = await gus.api.get<ChatMessage[]>(
      `/api/rapport/v1/chats/${chat.id}/messages?limit=5`,
    );
    expect(stored.body.filter((m) => m.text === 'Are you there?')).toHaveLength(1);
    await page.context().close();
  });
});

describe('a group conversation', () => {
  const e = e2eSuite();

  it('three people hold one conversation; renaming, participants and leaving', async () => {
    const carla = await member(e.t, 'carla', 'Carla Mendes');
    const dario = await member(e.t, 'dario', 'Dario Rossi');
    const eva = await member(e.t, 'eva', 'Eva Schmidt');

    const carlaPage = await open(e, carla, '/messages');
    await carlaPage.getByText('No conversations yet.').waitFor();
    await checkPage(carlaPage, 'chats-empty-desktop');

    // Carla starts it through "New message": two people and a name.
    await carlaPage.getByRole('button', { name: 'New message' }).first().click();
    const dialog = carlaPage.getByRole('dialog', { name: 'New message' });
    const find = dialog.getByRole('searchbox', { name: 'Find people' });
    await find.fill('dario');
    await dialog.getByRole('button', { name: 'Add Dario Rossi' }).click();
    await find.fill('eva');
    await dialog.getByRole('button', { name: 'Add Eva Schmidt' }).click();
    await dialog.getByRole('textbox', { name: /Conversation name/ }).fill('Launch crew');
    await checkPage(carlaPage, 'chats-new-group-dialog-desktop', dialog);
    await dialog.getByRole('button', { name: 'Start conversation' }).click();
    await carlaPage.getByRole('heading', { level: 1, name: 'Launch crew' }).waitFor();
    await carlaPage.getByText('3 people').waitFor();

    const darioPage = await open(e, dario, '/messages', PHONE);
    const evaPage = await open(e, eva, '/messages');
    await darioPage.getByRole('link', { name: /Launch crew/ }).click();
    // Eva uses the keyboard: to the conversation, into it, and to its composer.
    await tabTo(evaPage, evaPage.getByRole('link', { name: /Launch crew/ }));
    await evaPage.keyboard.press('Enter');
    for (const page of [darioPage, evaPage]) {
      await page.getByRole('heading', { level: 1, name: 'Launch crew' }).waitFor();
    }
    await tabTo(evaPage, evaPage.getByRole('textbox', { name: 'Message Launch crew' }));

    await send(carlaPage, 'Kick-off on Monday?');
    await log(darioPage).getByText('Kick-off on Monday?').waitFor(LIVE);
    await log(evaPage).getByText('Kick-off on Monday?').waitFor(LIVE);
    await send(darioPage, 'Works for me');
    await log(evaPage).getByText('Works for me').waitFor(LIVE);
    await evaPage.keyboard.type('Same here');
    await evaPage.keyboard.press('Enter');
    for (const page of [carlaPage, darioPage, evaPage]) {
      await log(page).getByText('Same here').waitFor(LIVE);
      expect(await shownTexts(page)).toEqual(['Kick-off on Monday?', 'Works for me', 'Same here']);
    }
    // Carla's list shows the group's last message, who wrote it first.
    await carlaPage
      .getByRole('link', { name: /Launch crew/ })
      .getByText('Eva Schmidt: Same here')
      .waitFor();
    // An image, uploaded as the compose box uploads, with a caption.
    const picture = await sharp({
      create: { width: 640, height: 400, channels: 3, background: '#e1a95b' },
    })
      .png()
      .toBuffer();
    await darioPage
      .locator('.composer input[type="file"]')
      .setInputFiles({ name: 'whiteboard.png', mimeType: 'image/png', buffer: picture });
    const darioBox = darioPage.getByRole('textbox', { name: /^Message / });
    await darioBox.fill('Whiteboard from today');
    const darioSend = darioPage.getByRole('button', { name: 'Send' });
    await expect.poll(() => darioSend.isEnabled()).toBe(true);
    await darioSend.click();
    for (const page of [carlaPage, evaPage]) {
      const image = log(page).getByRole('link', { name: /^Image 1 of 1/ });
      await image.waitFor(LIVE);
      await expect
        .poll(() => image.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth))
        .toBeGreaterThan(0);
    }
    await expect.poll(() => darioPage.locator('.composer-media-item').count()).toBe(0);

    // Everyone has read everything: Carla sees both under the last message.
    // Dario wrote the last one; Eva, reading, has seen it.
    await log(carlaPage).getByText('Seen by Eva Schmidt').waitFor(LIVE);
    await checkPage(carlaPage, 'chats-group-desktop');
    await checkPage(
      darioPage,
      'chats-group-phone',
      darioPage.getByRole('textbox', { name: /^Message / }),
    );

    // Renaming reaches the others.
    await carlaPage.getByRole('button', { name: 'Conversation options' }).click();
    await carlaPage.getByRole('menuitem', { name: 'Rename conversation' }).click();
    const rename = carlaPage.getByRole('dialog', { name: 'Rename conversation' });
    await rename.getByRole('textbox', { name: 'Name' }).fill('Launch crew (Q3)');
    await rename.getByRole('button', { name: 'Save name' }).click();
    await carlaPage.getByRole('heading', { level: 1, name: 'Launch crew (Q3)' }).waitFor();
    await evaPage.getByRole('heading', { level: 1, name: 'Launch crew (Q3)' }).waitFor(LIVE);

    // Muting marks it for Carla only.
    await carlaPage.getByRole('button', { name: 'Conversation options' }).click();
    await carlaPage.getByRole('menuitem', { name: 'Mute conversation' }).click();
    await carlaPage.getByRole('link', { name: /Launch crew \(Q3\).*Muted/ }).waitFor();

    // Who is in it.
    await darioPage.getByRole('button', { name: 'Conversation options' }).click();
    await darioPage.getByRole('menuitem', { name: 'See participants' }).click();
    const people = darioPage.getByRole('dialog', { name: 'People in this conversation' });
    for (const name of ['Carla Mendes', 'Eva Schmidt', 'Dario Rossi']) {
      await people.getByRole('link', { name }).waitFor();
    }
    await checkPage(darioPage, 'chats-participants-phone', people);
    await people.getByRole('button', { name: 'Close' }).click();

    // Eva leaves by keyboard, after saying yes; the others see two people left.
    await evaPage.getByRole('button', { name: 'Conversation options' }).focus();
    await evaPage.keyboard.press('Enter');
    await evaPage.keyboard.press('End');
    await expect
      .poll(() => evaPage.evaluate(() => document.activeElement?.textContent))
      .toBe('Leave conversation');
    await evaPage.keyboard.press('Enter');
    const confirm = evaPage.getByRole('dialog', { name: 'Leave this conversation?' });
    await checkPage(evaPage, 'chats-leave-dialog-desktop', confirm);
    await evaPage.keyboard.press('Tab');
    await evaPage.keyboard.press('Enter');
    await evaPage.getByText('No conversations yet.').waitFor();
    await carlaPage.getByText('2 people').waitFor(LIVE);

    for (const page of [carlaPage, darioPage, evaPage]) await page.context().close();
  });
});

describe('who may message me', () => {
  const e = e2eSuite();

  it('is set in the settings, and a refusal is explained to whoever tries', async () => {
    const hana = await member(e.t, 'hana', 'Hana Sato');
    const ivan = await member(e.t, 'ivan', 'Ivan Petrov');

    const hanaPage = await open(e, hana, '/settings/messages', PHONE);
    const anyone = hanaPage.getByRole('radio', { name: 'Anyone in the organisation' });
    await anyone.waitFor();
    expect(await anyone.isChecked()).toBe(true);
    await hanaPage.getByText('Administrators can always message you.').waitFor();
    await hanaPage.getByRole('radio', { name: 'Nobody' }).check();
    await hanaPage.getByRole('button', { name: 'Save' }).click();
    await hanaPage.getByText('Saved. The new setting applies from now on.').waitFor();
    await checkPage(hanaPage, 'chats-settings-phone');
    const saved = await hana.api.get<{ policy: string }>('/api/rapport/v1/preferences/messages');
    expect(saved.body.policy).toBe('nobody');

    const ivanPage = await open(e, ivan, '/@hana', PHONE);
    await ivanPage.getByRole('button', { name: 'Message Hana Sato' }).click();
    await ivanPage
      .getByRole('alert')
      .getByText('@hana does not accept messages from you')
      .waitFor();
    await checkPage(ivanPage, 'chats-refused-phone');

    await ivanPage.goto('/messages');
    await ivanPage.getByRole('button', { name: 'New message' }).first().click();
    const dialog = ivanPage.getByRole('dialog', { name: 'New message' });
    await dialog.getByRole('searchbox', { name: 'Find people' }).fill('hana');
    await dialog.getByRole('button', { name: 'Add Hana Sato' }).click();
    await dialog.getByRole('button', { name: 'Start conversation' }).click();
    await dialog.getByText('@hana does not accept messages from you').waitFor();
    await hanaPage.context().close();
    await ivanPage.context().close();
  });
});
