import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { CommunityFile } from '@rapport/schema';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { simplePdf } from '../packages/server/src/demo/documents';
import { community, join } from '../packages/server/src/features/files/community.fixtures';
import { signedInPage } from './support/session';
import { checkPage, member, shoot, tabTo, VIEWPORTS } from './support/social';
import { e2eSuite } from './support/suite';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Drops a file on the upload form, as dragging it from the desktop does. */
async function dropFile(page: Page, name: string, data: Uint8Array, type: string) {
  await page.evaluate(
    ({ name, bytes, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type }));
      const form = document.querySelector('.file-upload');
      for (const kind of ['dragover', 'drop']) {
        form?.dispatchEvent(
          new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    },
    { name, bytes: [...data], type },
  );
}

describe.each(VIEWPORTS)('the file library on a %s', (label, viewport) => {
  const e = e2eSuite();

  it('uploads a PDF by keyboard, refuses a forged one dropped on it, takes a new version, downloads both, deletes', async () => {
    const ana = await member(e.t, 'ana', 'Ana Silva');
    const bruno = await member(e.t, 'bruno', 'Bruno Costa');
    const communityId = await community(e.t, 'private');
    await join(e.t, communityId, ana, 'owner');
    await join(e.t, communityId, bruno, 'member');

    const page = await signedInPage(e.browser, e.t, ana.account, viewport);
    // Playwright takes over file choosers only once something listens (asynchronously): listen
    // from the start, so the chooser opened by the keyboard below is never missed.
    page.on('filechooser', () => {});
    await page.goto(`/communities/${communityId}/files`);
    await page.getByRole('heading', { name: 'Files', level: 2 }).waitFor({ state: 'attached' });
    await page.getByText('No files here yet').waitFor();
    await checkPage(page, `files-empty-${label}`);

    // Keyboard: Tab to the button, Enter opens the file chooser.
    const v1 = simplePdf('Roadmap 2026', ['Q1: onboarding', 'Q2: search']);
    const choose = page.getByRole('button', { name: 'Choose a file' });
    await tabTo(page, choose);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.keyboard.press('Enter'),
    ]);
    await chooser.setFiles({
      name: 'Roadmap 2026.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(v1),
    });
    await page.getByText(/^Chosen: Roadmap 2026\.pdf/).waitFor();
    await page.getByLabel('Description').fill('Where the product goes next year');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByText('Roadmap 2026.pdf was uploaded.').waitFor();
    const row = page.locator('.file-row', { hasText: 'Roadmap 2026.pdf' });
    await row.waitFor();
    await row.getByText('1 version').waitFor();
    await checkPage(page, `files-list-${label}`, row);

    // A PDF renamed .png, dropped on the form: the server reads the bytes and refuses it.
    await dropFile(page, 'holiday.png', simplePdf('Not a picture', []), 'image/png');
    await page.getByText(/^Chosen: holiday\.png/).waitFor();
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'The file was not uploaded' });
    await refusal
      .getByText(
        'The content of this file is a PDF document, which does not match its name ending in .png',
      )
      .waitFor();
    await checkPage(page, `files-forged-refused-${label}`, refusal);
    const listed = await bruno.api.get<CommunityFile[]>(
      `/api/rapport/v1/communities/${communityId}/files`,
    );
    expect(listed.body.map((file) => file.name)).toEqual(['Roadmap 2026.pdf']);

    // Too big for the room or the limit is said before uploading anything.
    await dropFile(page, 'setup.exe', new Uint8Array([0x4d, 0x5a]), 'application/x-msdownload');
    await page.getByText(/Files ending in \.exe cannot be shared here/).waitFor();
    expect(await page.getByRole('button', { name: 'Upload', exact: true }).isDisabled()).toBe(true);

    // The file's page: a new version by upload.
    await row.getByRole('link', { name: 'Roadmap 2026.pdf', exact: true }).click();
    await page.getByRole('heading', { name: 'Roadmap 2026.pdf', level: 1 }).waitFor();
    await page.getByText('Where the product goes next year').waitFor();
    const v2 = simplePdf('Roadmap 2026', ['Q1: onboarding', 'Q2: search', 'Q3: mobile']);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'roadmap-v2.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(v2),
    });
    await page.getByRole('button', { name: 'Upload new version' }).click();
    await page.getByText('Version 2 of Roadmap 2026.pdf was uploaded.').waitFor();
    const versions = page.locator('.file-version');
    await versions.filter({ hasText: 'uploaded as roadmap-v2.pdf' }).getByText('Current').waitFor();
    expect(await versions.count()).toBe(2);
    await checkPage(page, `files-detail-${label}`, versions.first());

    // Downloads: the current version under the file's name, the first one marked as such.
    const [current] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download', exact: true }).click(),
    ]);
    expect(current.suggestedFilename()).toBe('Roadmap 2026.pdf');
    expect(sha256(fs.readFileSync(await current.path()))).toBe(sha256(v2));
    const [first] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download version 1' }).click(),
    ]);
    expect(first.suggestedFilename()).toBe('Roadmap 2026 (version 1).pdf');
    expect(sha256(fs.readFileSync(await first.path()))).toBe(sha256(v1));

    // Delete, after confirming.
    await page.getByRole('button', { name: 'Delete file' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Roadmap 2026.pdf?' });
    await dialog.waitFor();
    await shoot(page, `files-delete-dialog-${label}`, dialog);
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText('Roadmap 2026.pdf was deleted.').waitFor();
    await page.getByText('No files here yet').waitFor();
    await page.context().close();
  });
});
