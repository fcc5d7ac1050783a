// Landing pages in a real browser while a child is missing: the carer reports K7Q2 from her landing
// page and then sees her missing (with the banner on the child's page, no second report offered);
// the police see the alert and acknowledge it; CEOP is told plainly that nothing has reached CEOP yet;
// the social worker's record of the child opens with the banner; the dashboard fits a 320 px phone.
// Every page passes the axe check; screenshots go to test-artifacts/.
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { accessibilityProblems, baseUrl, launchBrowser, screenshot, signIn } from './support/browser';

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

async function signedIn(email: string, viewport = { width: 1024, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, email);
  await page.waitForURL(`${baseUrl()}/`);
  return page;
}

async function accessible(page: Page, name: string): Promise<void> {
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, name);
}

// Axe runs on every page; on a shared 2-core machine a walk of several pages needs more than the default minute.
jest.setTimeout(180_000);
let reference = '';

it('the carer reports her child from the landing page, then sees her missing and the banner', async () => {
  const carer = await signedIn('carer@demo-borough.example.org');
  await accessible(carer, 'landing-carer-before');
  const reportLink = carer.getByRole('link', { name: 'Report Amira Example missing' });
  const reportHref = (await reportLink.getAttribute('href'))!;
  await reportLink.click();
  await carer.getByLabel('No, their whereabouts are unknown (missing)').check();
  await carer.getByRole('button', { name: 'Report missing and send alerts' }).click();
  await carer.waitForURL(/\/\?reported=E-/);
  reference = /reported=(E-[A-Z0-9]+)/.exec(carer.url())![1];

  const cared = await carer.locator('#cared-for').innerText();
  expect(cared).toContain(`Missing now Episode ${reference}`);
  expect(await carer.getByRole('link', { name: 'Report Amira Example missing' }).count()).toBe(0);
  await accessible(carer, 'landing-carer-missing');

  // The child's page for the carer (the report form) opens with the banner before anything else.
  await carer.goto(`${baseUrl()}${reportHref}`);
  const banner = carer.getByRole('region', { name: 'Important' });
  expect(await banner.innerText()).toContain(`Missing now: episode ${reference}`);
  await accessible(carer, 'carer-report-form-banner');
});

it('the police see the alert on their landing page and acknowledge it there', async () => {
  const police = await signedIn('police@demo-borough.example.org');
  expect(await police.locator('#missing-now').innerText()).toBe('Missing children alerted to you');
  const card = police.locator('.govuk-summary-card', { hasText: 'Child K7Q2' });
  expect(await card.innerText()).toContain(reference);
  await accessible(police, 'landing-police');
  await police
    .getByRole('button', { name: `Acknowledge episode ${reference}` })
    .first()
    .click();
  await police.waitForURL(/\/episodes\/[0-9a-f-]{36}#acknowledge$/);
  await accessible(police, 'police-episode-acknowledged');
});

it('CEOP is told nothing has been escalated to CEOP yet, never that no child is missing', async () => {
  const ceop = await signedIn('ceop@demo-borough.example.org');
  const text = await ceop.locator('main').innerText();
  expect(text).toContain('No missing child has been escalated to CEOP.');
  expect(text).not.toContain('No child is missing');
  await accessible(ceop, 'landing-ceop');
});

it("the social worker's record of the child opens with the banner, and the dashboard fits a phone", async () => {
  const sw = await signedIn('social.worker@demo-borough.example.org');
  await sw.locator('.govuk-summary-card', { hasText: 'Amira Example' }).getByRole('link').first().click();
  await sw.waitForURL(/\/episodes\//);
  await sw
    .getByRole('link', { name: /Amira Example/ })
    .first()
    .click();
  await sw.waitForURL(/\/children\/[0-9a-f-]{36}$/);
  const first = await sw.locator('main').evaluate((m) => m.firstElementChild?.id ?? m.querySelector('[id]')?.id);
  expect(first).toBe('missing-banner');
  expect(await sw.getByRole('button', { name: /Report .* missing/ }).count()).toBe(0);
  expect(await sw.getByRole('link', { name: /Report .* missing/ }).count()).toBe(0);
  await accessible(sw, 'child-record-banner');

  const phone = await signedIn('team.manager@demo-borough.example.org', { width: 320, height: 800 });
  const overflow = Number(await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
  expect(overflow).toBeLessThanOrEqual(0);
  await accessible(phone, 'landing-manager-320px');
});
