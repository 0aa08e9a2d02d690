import type { Page as KnowledgePage } from '@rapport/schema';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createAccount, tokenFor } from '../packages/server/test/factories';
import { DESKTOP, PHONE } from './support/browser';
import { signedInPage } from './support/session';
import { checkPage } from './support/social';
import { e2eSuite } from './support/suite';

const FIRST_DRAFT = [
  '# Welcome to Meridian',
  '',
  'Your first week:',
  '',
  '- Meet your buddy',
  '- Set up your laptop',
  '',
  'Questions? Ask in the onboarding community.',
].join('\n');

async function typeInto(page: Page, label: string, text: string) {
  const field = page.getByRole('textbox', { name: label, exact: true });
  await field.fill(text);
}

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const)('knowledge pages on a %s', (label, viewport) => {
  const e = e2eSuite();

  it('writes a page, a colleague edits it, both are co-authors, a conflict keeps the text, and the diff reads well', async () => {
    const ana = await createAccount(e.t.ctx, { username: 'ana', displayName: 'Ana Silva' });
    const ben = await createAccount(e.t.ctx, { username: 'ben', displayName: 'Ben Okafor' });

    // Ana finds no pages yet and is invited to write the first one.
    const page = await signedInPage(e.browser, e.t, ana, viewport);
    await page.goto('/pages');
    await page.getByText('No pages here yet').waitFor();
    await checkPage(page, `knowledge-pages-empty-${label}`);
    await page.getByRole('link', { name: 'Write the first page' }).click();
    await page.getByRole('heading', { name: 'New page' }).waitFor();
    await typeInto(page, 'Title', 'Onboarding guide');
    await typeInto(page, 'Text', FIRST_DRAFT);
    await page.getByLabel('Summary of your change').fill('First draft');
    await page.getByRole('tab', { name: 'Preview' }).click();
    await page
      .locator('.markdown-preview')
      .getByRole('heading', { name: 'Welcome to Meridian' })
      .waitFor();
    await checkPage(page, `knowledge-pages-preview-${label}`);
    // Keyboard: the arrow keys move between the tabs.
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('tab', { name: 'Write' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await page.getByRole('button', { name: 'Publish page' }).click();
    await page.getByRole('heading', { name: 'Onboarding guide', level: 1 }).waitFor();
    const pageId = new URL(page.url()).pathname.split('/')[2] as string;

    // Ben, a colleague, finds it in the list and adds a section.
    const colleague = await signedInPage(e.browser, e.t, ben, viewport);
    await colleague.goto('/pages');
    await colleague.getByRole('link', { name: 'Onboarding guide' }).click();
    await colleague.getByRole('link', { name: 'Edit' }).click();
    await colleague.getByRole('heading', { name: 'Edit “Onboarding guide”' }).waitFor();
    await typeInto(
      colleague,
      'Text',
      FIRST_DRAFT.replace(
        '- Set up your laptop',
        '- Set up your laptop and badge\n- Join #general',
      ),
    );
    await colleague.getByLabel('Summary of your change').fill('Badge and channels');
    await colleague.getByRole('button', { name: 'Save changes' }).click();
    await colleague.getByRole('heading', { name: 'Onboarding guide', level: 1 }).waitFor();
    const coAuthors = colleague.getByRole('region', { name: 'Co-authors' });
    await coAuthors.getByRole('link', { name: 'Ana Silva' }).waitFor();
    await coAuthors.getByRole('link', { name: 'Ben Okafor' }).waitFor();
    await colleague.getByText('Last edited by Ben Okafor').waitFor();
    await checkPage(colleague, `knowledge-pages-view-${label}`, coAuthors);

    // Ana edits from revision 2 while Ben saves revision 3 from another device.
    await page.goto(`/pages/${pageId}/edit`);
    await page.getByText('Editing revision 2').waitFor();
    const anaText = `${FIRST_DRAFT}\n\n## Your second week\n\nShadow a customer call.`;
    await typeInto(page, 'Text', anaText);
    const benToken = await tokenFor(e.t.ctx, ben);
    const current = await fetch(`${e.t.url}/api/rapport/v1/pages/${pageId}`, {
      headers: { authorization: `Bearer ${benToken}` },
    }).then((res) => res.json() as Promise<KnowledgePage>);
    const benSave = await fetch(`${e.t.url}/api/rapport/v1/pages/${pageId}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${benToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: current.title,
        body: `${current.body}\n\nLunch is on us on Friday.`,
        base_revision: current.revision,
        summary: 'Friday lunch',
      }),
    });
    expect(benSave.status).toBe(200);
    await page.getByRole('button', { name: 'Save changes' }).click();
    const conflict = page.getByRole('region', {
      name: 'Ben Okafor saved a newer version while you were editing',
    });
    await conflict.waitFor();
    await conflict.getByText('Lunch is on us on Friday.').waitFor();
    // Nothing Ana wrote is lost.
    expect(await page.getByRole('textbox', { name: 'Text', exact: true }).inputValue()).toBe(
      anaText,
    );
    await checkPage(page, `knowledge-pages-conflict-${label}`, conflict);
    await conflict.getByRole('button', { name: 'Save my version anyway' }).click();
    await page.getByRole('heading', { name: 'Onboarding guide', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Your second week' }).waitFor();

    // The history lists four revisions; Ana compares the first with the last.
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByRole('heading', { name: 'History of “Onboarding guide”' }).waitFor();
    await page.getByText('Badge and channels').waitFor();
    await page.getByText('Friday lunch').waitFor();
    await checkPage(page, `knowledge-pages-history-${label}`);
    await page.getByRole('radio', { name: 'Compare from revision 2' }).check();
    await page.getByRole('radio', { name: 'Compare to revision 4' }).check();
    await page.getByRole('button', { name: 'Compare selected' }).click();
    await page.getByRole('heading', { name: 'Changes to “Onboarding guide”' }).waitFor();
    await page.getByText('From revision 2 to revision 4').waitFor();
    const removed = page.locator('.diff-removed').filter({ hasText: 'Join #general' });
    await removed.waitFor();
    expect(await removed.locator('del').count()).toBe(1);
    const added = page.locator('.diff-added').filter({ hasText: 'Shadow a customer call.' });
    await added.waitFor();
    expect(await added.locator('ins').count()).toBe(1);
    await checkPage(page, `knowledge-pages-diff-${label}`, added);

    // Both are listed as co-authors in the list too.
    await page.goto('/pages');
    await page.getByRole('link', { name: 'Onboarding guide' }).waitFor();
    await checkPage(page, `knowledge-pages-list-${label}`);
  });
});
