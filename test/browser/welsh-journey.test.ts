// A newcomer uses the service in Welsh (issue 29): chooses Cymraeg on the sign-in page, signs in, and goes
// from the landing page to a child and that child's past episode, every page in Welsh and passing the axe
// check. Read-only on purpose: it opens H9PX's closed demo episode and only tries an empty report form,
// and the choice lives in this browser's cookie (never ?lang= while signed in, which would store it on
// the shared social worker's record that the other journeys sign in as).
import type { Browser, Page } from 'playwright-core';

import { accessibilityProblems, baseUrl, launchBrowser, screenshot } from './support/browser';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
});
afterAll(async () => {
  await browser?.close();
});

async function welshAndAccessible(name: string): Promise<void> {
  expect(await page.locator('html').getAttribute('lang')).toBe('cy');
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, `welsh-${name}`);
}

it('signs in and goes from the landing page to a child and an episode in Welsh', async () => {
  await page.goto(`${baseUrl()}/sign-in`);
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  await page.getByRole('link', { name: 'Cymraeg' }).click();
  await welshAndAccessible('sign-in');
  expect(await page.locator('h1').innerText()).toBe('Mewngofnodi');

  await page.getByLabel('Cyfeiriad e-bost').fill('social.worker@demo-borough.example.org');
  await page.getByLabel('Cyfrinair', { exact: true }).fill('safeguarding-demo');
  await page.getByRole('button', { name: 'Mewngofnodi' }).click();
  await page.waitForURL(`${baseUrl()}/`);
  await welshAndAccessible('dashboard');
  expect(await page.locator('h1').innerText()).toBe('Dangosfwrdd');
  // The way back to English is in the header, marked as English.
  expect(await page.locator('#language-switch a[lang="en"]').innerText()).toBe('English');

  await page.getByRole('link', { name: 'Plant', exact: true }).click();
  await page.getByLabel('Chwilio yn ôl enw neu gyfeirnod').fill('H9PX');
  await page.getByRole('button', { name: 'Chwilio' }).click();
  await welshAndAccessible('children');
  await page.locator('table a', { hasText: /\w/ }).first().click();
  await page.waitForURL(/\/children\/[0-9a-f-]{36}$/);
  await welshAndAccessible('child');
  expect(await page.getByRole('heading', { name: 'Cynllun diogelu' }).count()).toBe(1);

  // The report form in Welsh, sent empty: the errors are Welsh and nothing is reported.
  await page.getByRole('button', { name: /^Rhoi gwybod bod .* ar goll$/ }).click();
  await page.getByRole('button', { name: 'Rhoi gwybod ei fod ar goll ac anfon rhybuddion' }).click();
  expect(await page.locator('.govuk-error-summary').innerText()).toContain('Mae problem wedi codi');
  expect(await page.locator('.govuk-error-summary').innerText()).toContain(
    "Dewiswch a yw'r plentyn ar goll neu i ffwrdd heb awdurdod",
  );
  await welshAndAccessible('report-missing-errors');

  await page.goBack();
  await page.goBack();
  await page.waitForURL(/\/children\/[0-9a-f-]{36}$/);
  await page.locator('a[href^="/episodes/"]').first().click();
  await page.waitForURL(/\/episodes\/[0-9a-f-]{36}$/);
  await welshAndAccessible('episode');
  expect(await page.locator('h1').innerText()).toMatch(/^Achos E-\w+: Ar gau$/);
  expect(await page.getByRole('heading', { name: 'Llinell amser' }).count()).toBe(1);
}, 180_000);
