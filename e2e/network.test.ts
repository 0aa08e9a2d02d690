import type { RelationshipCard, Page as WikiPage } from '@rapport/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { PHONE, seriousAccessibilityViolations, setColourScheme } from './support/browser';
import { exchange, mark, open, type Person, person } from './support/network';
import { checkPage, post, shoot } from './support/social';
import { e2eSuite } from './support/suite';

describe('relationship intelligence', () => {
  const e = e2eSuite();
  let ana: Person;
  let bruno: Person;
  let carla: Person;
  let dan: Person;
  let eve: Person;
  let fay: Person;
  let gus: Person;

  // Ana's history, built through the API as people would: a stage with each colleague.
  beforeAll(async () => {
    ana = await person(e, 'ana', 'Ana Silva', 'Product Manager', 'Product');
    bruno = await person(e, 'bruno', 'Bruno Costa', 'Designer', 'Design');
    carla = await person(e, 'carla', 'Carla Mendes', 'Sales Lead', 'Sales');
    dan = await person(e, 'dan', 'Dan Okafor', 'Engineer', 'Engineering');
    eve = await person(e, 'eve', 'Eve Laurent', 'Researcher', 'Research');
    fay = await person(e, 'fay', 'Fay Wong', 'Head of Support', 'Support');
    gus = await person(e, 'gus', 'Gus Berg', 'Accountant', 'Finance');

    // Recognition: Ana and Bruno replied to each other.
    await exchange(ana, bruno, 'the design review');
    // Encounter: Carla only favourited something Ana posted.
    const launch = await post(ana, 'The launch plan is out');
    await carla.api.post(`/api/v1/statuses/${launch.id}/favourite`);
    // Collaboration: Ana and Dan talk, and Dan edits Ana's page.
    await exchange(ana, dan, 'the API');
    const page = await ana.api.post<WikiPage>('/api/rapport/v1/pages', {
      title: 'Onboarding',
      body: 'Welcome aboard.',
    });
    await dan.put(`/api/rapport/v1/pages/${page.body.id}`, {
      title: 'Onboarding',
      body: 'Welcome aboard. Ask Dan about the API.',
      base_revision: page.body.revision,
    });
    // Trusted and close: they talk, and both set the mark.
    await exchange(ana, eve, 'interviews');
    await mark(ana, eve, { trusted: true });
    await mark(eve, ana, { trusted: true });
    await exchange(ana, fay, 'support rotas');
    await mark(ana, fay, { close: true });
    await mark(fay, ana, { close: true });
  });

  it('shows My network grouped by stage, with strength and the reasons', async () => {
    const page = await open(e, ana, '/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Network' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Network' }).waitFor();
    await page.getByText('Only you can see this.').waitFor();

    const groups = page.locator('.network-group-title');
    await groups.first().waitFor();
    expect(await groups.allTextContents()).toEqual([
      'Close',
      'Trusted',
      'Collaboration',
      'Recognition',
      'Encounter',
    ]);
    const inGroup = (stage: string) =>
      page.getByRole('list', { name: `People at the ${stage} stage` });
    await inGroup('Collaboration').getByRole('link', { name: 'Dan Okafor' }).waitFor();
    await inGroup('Recognition').getByRole('link', { name: 'Bruno Costa' }).waitFor();
    await inGroup('Encounter').getByRole('link', { name: 'Carla Mendes' }).waitFor();
    const brunoItem = inGroup('Recognition').getByRole('article');
    expect(await brunoItem.textContent()).toContain('Designer · Design');
    expect(await brunoItem.textContent()).toContain('Both ways');
    expect(await brunoItem.textContent()).toMatch(/Strength \d/);
    const carlaItem = inGroup('Encounter').getByRole('article');
    expect(await carlaItem.textContent()).toContain('One way so far');

    // "Why?" opens the evidence in plain words.
    await inGroup('Collaboration').getByText('Why?', { exact: true }).click();
    const evidence = inGroup('Collaboration').locator('.evidence-list li');
    await evidence.first().waitFor();
    expect((await evidence.allTextContents()).join(' ')).toMatch(/Onboarding/);

    // The stages are explained at the top.
    await page.getByText('What the stages mean').click();
    await page
      .getByText('You are developing the relationship through something you do together.')
      .first()
      .waitFor();
    await checkPage(page, 'network-my-network-desktop');
    await setColourScheme(page, 'dark');
    // Chromium may restyle a nested <time> a frame late after the switch: wait for it.
    await expect.poll(() => seriousAccessibilityViolations(page), { timeout: 5000 }).toEqual([]);
    await shoot(page, 'network-my-network-desktop-dark');
    await setColourScheme(page, 'light');

    // A filter chip keeps its choice in the address.
    await page
      .getByRole('navigation', { name: 'Show' })
      .getByRole('link', { name: 'Trusted' })
      .click();
    await page.waitForURL(/\?stage=trusted$/);
    await page.getByRole('link', { name: 'Eve Laurent' }).waitFor();
    await page.getByRole('link', { name: 'Bruno Costa' }).waitFor({ state: 'detached' });
    expect(await groups.allTextContents()).toEqual(['Trusted']);
    await page
      .getByRole('navigation', { name: 'Show' })
      .getByRole('link', { name: 'Dormant' })
      .click();
    await page.getByText('No ties have gone quiet').waitFor();

    // On a phone, through "More".
    const phone = await open(e, ana, '/', PHONE);
    await phone
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'More', exact: true })
      .click();
    await phone.getByRole('menuitem', { name: 'Network' }).click();
    await phone.getByRole('link', { name: 'Fay Wong' }).waitFor();
    await shoot(phone, 'network-my-network-phone-top');
    await checkPage(
      phone,
      'network-my-network-phone',
      phone.getByRole('link', { name: 'Bruno Costa' }),
    );
  });

  it('keeps a private note, a reminder and a mark on the person card', async () => {
    const page = await open(e, ana, '/@bruno');
    const panel = page.getByRole('region', { name: 'You and Bruno Costa' });
    await panel.getByText('You can each put a name and a context to the other').waitFor();
    await panel.getByLabel('How we met').fill('Met at the design review in March.');
    await panel.getByLabel('Remind me to stay in touch').selectOption({ label: 'Every month' });
    await panel.getByLabel('I trust them').check();
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByText('Saved.').waitFor();
    // Bruno has not marked Ana: the mark does not count, and nothing says otherwise.
    expect(await panel.textContent()).not.toContain('You both marked');
    await checkPage(page, 'network-person-card-desktop');

    await page.reload();
    const again = page.getByRole('region', { name: 'You and Bruno Costa' });
    await again.getByLabel('How we met').waitFor();
    expect(await again.getByLabel('How we met').inputValue()).toBe(
      'Met at the design review in March.',
    );
    expect(await again.getByLabel('Remind me to stay in touch').inputValue()).toBe('30');
    expect(await again.getByLabel('I trust them').isChecked()).toBe(true);
    expect(await again.getByLabel('We are close').isChecked()).toBe(false);

    // A custom interval outside 1..365 is refused before anything is sent.
    await again.getByLabel('Remind me to stay in touch').selectOption({ label: 'Every … days' });
    await again.getByLabel('Days between reminders').fill('400');
    await again.getByRole('button', { name: 'Save' }).click();
    await again.getByText('Enter a number of days from 1 to 365.').waitFor();
    await again.getByLabel('Days between reminders').fill('10');
    await again.getByRole('button', { name: 'Save' }).click();
    await again.getByText('Saved.').waitFor();

    // On a phone the card is folded under the profile; it opens by keyboard.
    const phone = await open(e, ana, '/@dan', PHONE);
    const toggle = phone.getByRole('button', { name: 'You and Dan Okafor' });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.focus();
    await phone.keyboard.press('Enter');
    const card = phone.getByRole('region', { name: 'You and Dan Okafor' });
    await card.getByText('Why Rapport says so').waitFor();
    await card
      .getByText(/Onboarding/)
      .first()
      .waitFor();
    await checkPage(phone, 'network-person-card-phone', card);

    // Nobody else sees Ana's note: Bruno's card about Ana is his own.
    const brunoCard = await bruno.api.get<RelationshipCard>(
      `/api/rapport/v1/relationships/${ana.account.id}`,
    );
    expect(brunoCard.body.note).toBe('');
    expect(brunoCard.body.trusted).toBe(false);
  });

  it('advises on a cold conversation and still lets it start', async () => {
    const page = await open(e, ana, '/messages');
    await page.getByRole('button', { name: 'New message' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New message' });
    await dialog.getByRole('searchbox', { name: 'Find people' }).fill('gus');
    await dialog.getByRole('button', { name: 'Add Gus Berg' }).click();
    const advice = dialog.getByRole('complementary', { name: 'Advice on reaching Gus Berg' });
    await advice.waitFor();
    expect(await advice.textContent()).toMatch(/introduc/i);
    const start = dialog.getByRole('button', { name: 'Start conversation' });
    expect(await start.isEnabled()).toBe(true);
    await checkPage(page, 'network-cold-advice-desktop', dialog);

    // Someone Ana knows gets no advice.
    await dialog.getByRole('button', { name: 'Remove Gus Berg' }).click();
    await dialog.getByRole('searchbox', { name: 'Find people' }).fill('bruno');
    await dialog.getByRole('button', { name: 'Add Bruno Costa' }).click();
    await dialog.getByRole('button', { name: 'Remove Bruno Costa' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await dialog.getByRole('complementary').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Remove Bruno Costa' }).click();

    // The cold message still goes.
    await dialog.getByRole('searchbox', { name: 'Find people' }).fill('gus');
    await dialog.getByRole('button', { name: 'Add Gus Berg' }).click();
    await advice.waitFor();
    await start.click();
    await page.getByRole('heading', { level: 1, name: 'Gus Berg' }).waitFor();
    const box = page.getByRole('textbox', { name: 'Message Gus Berg' });
    await box.fill('Hello Gus, could you help with the budget?');
    await box.press('Enter');
    await page.getByRole('log').getByText('Hello Gus, could you help with the budget?').waitFor();

    // On a phone, the same advice in the dialog.
    const phone = await open(e, ana, '/messages', PHONE);
    await phone.getByRole('button', { name: 'New message' }).first().click();
    const phoneDialog = phone.getByRole('dialog', { name: 'New message' });
    await phoneDialog.getByRole('searchbox', { name: 'Find people' }).fill('carla');
    await phoneDialog.getByRole('button', { name: 'Add Carla Mendes' }).click();
    await phoneDialog
      .getByRole('complementary', { name: 'Advice on reaching Carla Mendes' })
      .waitFor();
    await shoot(phone, 'network-cold-advice-phone');
  });

  it('advises when a status mentions someone not met yet', async () => {
    const page = await open(e, ana, '/');
    const box = page.getByRole('combobox', { name: 'New status' });
    await box.fill('Could @gus look at the numbers?');
    const advice = page.getByRole('complementary', { name: 'Advice on reaching Gus Berg' });
    await advice.waitFor();
    await box.fill('Could @bruno look at the numbers?');
    await advice.waitFor({ state: 'detached' });
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('complementary', { name: /Advice on reaching/ }).count()).toBe(0);
  });

  it('turns relationship insights off and back on in Settings', async () => {
    const page = await open(e, gus, '/settings/privacy');
    const toggle = page.getByRole('switch', { name: 'Relationship insights' });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await checkPage(page, 'network-privacy-settings-desktop');
    await toggle.click();
    await page.getByText('Relationship insights are off.').waitFor();
    await page.goto('/network');
    await page.getByText('Relationship insights are off').first().waitFor();
    await page.goto('/settings/privacy');
    await page.getByRole('switch', { name: 'Relationship insights' }).click();
    await page.getByText('Relationship insights are on.').waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download my relationship data' }).click();
    expect((await download).suggestedFilename()).toMatch(/^rapport-relationships-.*\.json$/);
  });
});
