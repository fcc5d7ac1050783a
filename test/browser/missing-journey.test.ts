// A social worker reports a child missing (M4RT, whom no other browser journey touches: the journeys share one
// service, and landing-pages leaves K7Q2 missing) in a real browser, watches the alerts go out and be
// delivered (the fake Twilio reports each text delivered with a signed callback), then records the
// child found and the return interview and closes the episode. Every page passes the axe check.
import type { Browser, Page } from 'playwright-core';

import { accessibilityProblems, baseUrl, launchBrowser, screenshot, signIn } from './support/browser';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
});
afterAll(async () => {
  await browser?.close();
});

async function accessible(name: string): Promise<void> {
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, name);
}

it('reports a child missing, sees the alerts delivered, records the return and the interview', async () => {
  await signIn(page, 'social.worker@demo-borough.example.org');
  await page.waitForURL(`${baseUrl()}/`);
  await accessible('dashboard-before');

  await page.getByRole('link', { name: 'Children', exact: true }).click();
  await page.getByLabel('Search by name or reference').fill('M4RT');
  await page.getByRole('button', { name: 'Search' }).click();
  await accessible('children-list');
  await page.getByRole('link', { name: /Report Bao Sample missing/ }).click();
  await accessible('report-missing');

  await page.getByRole('button', { name: 'Report missing and send alerts' }).click();
  expect(await page.locator('.govuk-error-summary').innerText()).toContain('Select whether the child is missing');
  await accessible('report-missing-errors');

  await page.getByLabel('No, their whereabouts are unknown (missing)').check();
  await page.getByLabel('Where and when were they last seen? (optional)').fill('Leaving school at 15:30');
  await page.getByRole('button', { name: 'Report missing and send alerts' }).click();
  await page.waitForURL(/\/episodes\/[0-9a-f-]{36}$/);
  const episodeUrl = page.url();
  expect(await page.locator('h1').innerText()).toMatch(/^Episode E-\w+: Missing/);

  // The police control room's text is delivered: the page shows it once the callback has arrived.
  const policeText = page.locator('tr', { hasText: 'Force control room' }).filter({ hasText: 'Text message' }).first();
  for (let i = 0; i < 40 && !(await policeText.innerText()).includes('Delivered'); i++) {
    await page.waitForTimeout(250);
    await page.reload();
  }
  expect(await policeText.innerText()).toContain('Delivered');
  await accessible('episode-missing');

  await page.goto(`${baseUrl()}/`);
  // Other journeys may have left children missing too: find hers under "Missing now".
  const card = page.locator('#missing-now ~ .govuk-summary-card', { hasText: 'Bao Sample (M4RT)' });
  expect(await card.innerText()).toMatch(/^Bao Sample \(M4RT\): missing for/);
  expect(await card.innerText()).toContain('Delivered');
  await accessible('dashboard-missing');

  await page.goto(episodeUrl);
  await page.getByRole('button', { name: 'Police reference and risk grade' }).click();
  await page.getByLabel('Police reference').fill('DC-2026-0042');
  await page.getByLabel('High').check();
  await page.getByRole('button', { name: 'Save police details' }).click();
  expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter why the police gave this risk grade');
  await accessible('episode-police-errors');
  await page
    .getByLabel('Why did the police give this grade?')
    .fill('Trafficking concerns; contact with unknown adults');
  await page.getByRole('button', { name: 'Save police details' }).click();
  await page.waitForURL(episodeUrl);
  expect(await page.locator('.govuk-summary-list').innerText()).toContain('DC-2026-0042');

  await page.getByRole('button', { name: 'Record found or returned' }).click();
  await page.getByLabel('Where were they found? (optional)').fill('Railway station');
  await accessible('episode-found');
  await page.getByRole('button', { name: 'Record found' }).click();
  await page.waitForURL(episodeUrl);
  expect(await page.locator('h1').innerText()).toContain('Returned');

  await page.getByRole('button', { name: 'Record return interview' }).click();
  await page.getByLabel('The interview was held').check();
  await page.getByLabel('Who held it?').fill('Independent advocate');
  await accessible('episode-return-interview');
  await page.getByRole('button', { name: 'Save return interview' }).click();
  await page.waitForURL(episodeUrl);
  // Only a manager closes an episode, with a reason (issue 22).
  expect(await page.getByRole('button', { name: 'Close episode' }).count()).toBe(0);
  await page.context().clearCookies();
  await signIn(page, 'team.manager@demo-borough.example.org');
  await page.waitForURL(`${baseUrl()}/`);
  await page.goto(episodeUrl);
  await page.getByRole('button', { name: 'Close episode' }).click();
  await page.getByLabel('Why are you closing the episode?').fill('Interview held; plan reviewed');
  await page.getByRole('button', { name: 'Close episode' }).click();
  await page.waitForURL(episodeUrl);
  expect(await page.locator('h1').innerText()).toContain('Closed');
  await accessible('episode-closed');
}, 300_000);
