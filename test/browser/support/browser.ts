// Debian's Chromium, headless, driven by playwright-core; an axe-core check for every page; and
// screenshots kept as test artefacts in test-artifacts/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { Browser, chromium, Page } from 'playwright-core';

const candidates = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

export async function launchBrowser(): Promise<Browser> {
  const { existsSync } = await import('node:fs');
  const executablePath = process.env.CHROMIUM_PATH ?? candidates.find((c) => existsSync(c));
  if (!executablePath)
    throw new Error('Chromium is not installed: apt-get install -y --no-install-recommends chromium');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
      '--disable-quic',
    ],
  });
}

export const baseUrl = () => process.env.BROWSER_BASE_URL!;

/** Serious or critical accessibility violations on the page as it is now (WCAG 2.2 AA rules). */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve(__dirname, '..', '..', '..', 'test-artifacts', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, email: string, password = 'safeguarding-demo'): Promise<void> {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The page passes the axe check (no serious or critical problems), and a screenshot is kept as `name`. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, name);
}
