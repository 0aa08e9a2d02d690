import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { findAccountById } from '../packages/server/src/features/accounts/accounts.queries';
import { createAccount } from '../packages/server/test/factories';
import {
  DESKTOP,
  PHONE,
  pageProblems,
  screenshot,
  seriousAccessibilityViolations,
  setColourScheme,
} from './support/browser';
import { signedInPage } from './support/session';
import { e2eSuite } from './support/suite';

const e = e2eSuite();

describe('profiles', () => {
  it('lets a member fill in their profile with a photo, and colleagues find it', async () => {
    const lin = await createAccount(e.t.ctx, { username: 'lin', displayName: 'Lin Chen' });
    const colleague = await createAccount(e.t.ctx, {
      username: 'omar',
      displayName: 'Omar Haddad',
    });

    const page = await signedInPage(e.browser, e.t, lin, PHONE);
    await page.goto('/settings/profile');
    await page.getByRole('button', { name: 'Save profile' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const photo = await sharp({
      create: { width: 600, height: 480, channels: 3, background: '#3a7d5c' },
    })
      .jpeg()
      .toBuffer();
    await page
      .getByLabel('Choose a photo')
      .setInputFiles({ name: 'me.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page
      .getByLabel('Photo description (alt text)')
      .fill('Lin smiling in front of a green wall');
    await page.getByLabel('Display name').fill('Lin Chen');
    await page.getByLabel('Job title').fill('Data Engineer');
    await page.getByLabel('Department').fill('Engineering');
    await page.getByLabel('Location').fill('Singapore');
    await page
      .getByLabel('Bio')
      .fill('I keep the data pipeline flowing.\n\nAsk me about https://example.com/pipelines');
    const skills = page.getByLabel('Skills');
    for (const skill of ['Python', 'Airflow', 'PostgreSQL']) {
      await skills.fill(skill);
      await skills.press('Enter');
    }
    await screenshot(page, 'profile-editor-filled-phone');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved.').waitFor();

    const saved = await findAccountById(e.t.ctx.db, lin.id);
    expect(saved?.title).toBe('Data Engineer');
    expect(JSON.parse(saved?.skills ?? '[]')).toEqual(['Python', 'Airflow', 'PostgreSQL']);
    expect(saved?.avatar_file).toMatch(/^avatars\/.+\.jpg$/);

    // The colleague finds Lin by skill in the directory and opens the profile.
    const other = await signedInPage(e.browser, e.t, colleague, DESKTOP);
    await other.goto('/people');
    await other.getByLabel('Search people').fill('airfl');
    const results = other.getByRole('main');
    await other.waitForURL(/q=airfl/);
    await expect.poll(() => results.getByRole('link', { name: /Omar Haddad/ }).count()).toBe(0);
    await results
      .getByRole('link', { name: /Lin Chen/ })
      .first()
      .waitFor();
    await screenshot(other, 'profile-directory-search-desktop');
    await results
      .getByRole('link', { name: /Lin Chen/ })
      .first()
      .click();
    await other.getByRole('heading', { level: 1, name: 'Lin Chen' }).waitFor();
    const avatar = other.getByRole('img', { name: 'Lin smiling in front of a green wall' });
    await avatar.waitFor();
    expect(await avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(
      400,
    );
    await other.getByRole('link', { name: 'https://example.com/pipelines' }).waitFor();
    await other.getByRole('link', { name: 'Find people with the skill Airflow' }).waitFor();
    expect(await other.getByRole('link', { name: 'Edit profile' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(other)).toEqual([]);
    await screenshot(other, 'profile-view-desktop');

    await setColourScheme(other, 'dark');
    await screenshot(other, 'profile-view-desktop-dark');
    await page.goto(`/@lin`);
    await page.getByRole('link', { name: 'Edit profile' }).waitFor();
    await screenshot(page, 'profile-own-phone');

    for (const p of [page, other]) expect(pageProblems(p)).toEqual([]);
  });

  it('refuses a file that is not an image and keeps the saved photo', async () => {
    const kai = await createAccount(e.t.ctx, { username: 'kai', displayName: 'Kai Larsen' });
    const page = await signedInPage(e.browser, e.t, kai, DESKTOP);
    await page.goto('/settings/profile');
    await page.getByLabel('Choose a photo').setInputFiles({
      name: 'notes.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not really a picture'),
    });
    await page.getByText('This file could not be read as an image').waitFor();
    await screenshot(page, 'profile-editor-bad-photo-desktop');
    expect((await findAccountById(e.t.ctx.db, kai.id))?.avatar_file).toBeNull();
  });
});
