import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(import.meta.dirname, '../screenshots');

/** Flags for a headless Chromium on a machine with a closed network. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

export const PHONE = { width: 390, height: 844 };
/** The narrowest phone still common (iPhone mini/SE class): the social pages are checked on it. */
export const SMALL_PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 800 };

const problems = new WeakMap<Page, string[]>();

/** A page in a fresh browser context (its own cookies); script errors and CSP reports are collected. */
export async function openPage(
  browser: Browser,
  baseURL: string,
  viewport = DESKTOP,
): Promise<Page> {
  // Reduced motion: colour transitions would otherwise be caught half-way by screenshots and axe.
  const context = await browser.newContext({
    baseURL,
    viewport,
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
  });
  return watchProblems(await context.newPage());
}

/**
 * A page in a browser of its own with an ordinary profile on disk, for what Chromium refuses
 * in the private contexts `openPage` makes (a push subscription). Closing removes the profile.
 */
export async function openProfilePage(
  baseURL: string,
  viewport = DESKTOP,
): Promise<{ page: Page; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: FLAGS,
    headless: true,
    baseURL,
    viewport,
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
  });
  const page = watchProblems(context.pages()[0] ?? (await context.newPage()));
  return {
    page,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

function watchProblems(page: Page): Page {
  const list: string[] = [];
  problems.set(page, list);
  page.on('pageerror', (error) => list.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
      list.push(`console: ${message.text()}`);
    }
  });
  return page;
}

/** Script errors and Content-Security-Policy violations seen on the page so far. */
export function pageProblems(page: Page): string[] {
  return problems.get(page) ?? [];
}

/**
 * Saves e2e/screenshots/<name>.png for people to look at: the full page, or only the viewport
 * (a scrolled phone page with a fixed header and bottom bar only looks right that way).
 */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

const axeSource = fs.readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; html: string }>;
}

/** Runs axe-core in the page; returns violations of serious or critical impact. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // evaluate() runs outside the page's Content-Security-Policy, which would refuse a script tag.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page at run time
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations as AxeViolation[];
  });
  return violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
}

/**
 * Switches the colour scheme and waits two frames: even shortened transitions report their
 * starting colour until the next frame, which axe would measure.
 */
export async function setColourScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
}
