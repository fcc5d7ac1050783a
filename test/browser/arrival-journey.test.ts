// The duty social worker at the airport records a child's arrival in a real browser: each section of
// the task list (with a GOV.UK error summary on the first), a dropped connection (a fresh browser
// that signs in again finds the draft), the photograph, check your answers and the arrival recorded,
// with the police and the guardian service told. Every page passes the axe check and is screenshotted.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';

import { accessibilityProblems, baseUrl, launchBrowser, screenshot, signIn } from './support/browser';

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

async function accessible(name: string): Promise<void> {
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, name);
}
const save = () => page.getByRole('button', { name: 'Save and continue' }).click();

jest.setTimeout(240_000);

it('records a child arriving at Gatwick, resuming after a dropped connection', async () => {
  const email = 'social.worker@demo-borough.example.org';
  await signIn(page, email);
  await page.waitForURL(`${baseUrl()}/`);
  await page.getByRole('link', { name: 'Port arrival', exact: true }).click();
  await page.waitForURL(`${baseUrl()}/arrivals/new`);
  await accessible('arrival-tasks');

  await page.getByRole('link', { name: 'The child as they present' }).click();
  await save();
  expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter the first names they give');
  await accessible('arrival-child-errors');
  await page.getByLabel('First names as given').fill('Arben');
  await page.getByLabel('Last name as given').fill('Example');
  await page.getByLabel('Estimated age in years (if no date of birth)').fill('15');
  await page.getByLabel('The age is disputed').check();
  await page.getByLabel('Male', { exact: true }).check();
  await page.getByLabel('Nationality (optional)').fill('Albanian');
  await page.getByLabel('First language (optional)').fill('Albanian');
  await page.getByLabel('An interpreter is needed').check();
  await save();
  await page.waitForURL(`${baseUrl()}/arrivals/new/arrival`);

  // The connection drops at the port: a fresh browser signs in again and carries on.
  await context.close();
  context = await browser.newContext();
  page = await context.newPage();
  await signIn(page, email);
  await page.waitForURL(`${baseUrl()}/`);
  await page.goto(`${baseUrl()}/arrivals/new`);
  expect(await page.locator('main').innerText()).toContain('You are carrying on the arrival you started');
  await accessible('arrival-resumed');

  await page.getByRole('link', { name: 'Where and how they were identified' }).click();
  await page.getByLabel('Airport or port').fill('Gatwick Airport');
  await page.getByLabel('Border Force').check();
  await accessible('arrival-arrival');
  await save();

  await page.getByLabel('False or altered documents').check();
  await page.getByLabel('Phone number sewn into clothing').check();
  await accessible('arrival-indicators');
  await save();

  await page.waitForURL(`${baseUrl()}/arrivals/new/photo`);
  const png = await sharp({ create: { width: 40, height: 60, channels: 3, background: '#7a5c3e' } })
    .png()
    .toBuffer();
  await page
    .getByLabel('Upload a photograph')
    .setInputFiles({ name: 'arrival.png', mimeType: 'image/png', buffer: png });
  await accessible('arrival-photo');
  await page.getByRole('button', { name: 'Upload and continue' }).click();

  await page.waitForURL(`${baseUrl()}/arrivals/new/plan`);
  expect(await page.getByLabel('Bed check times (optional)').inputValue()).toBe('23:00, 02:00, 06:00');
  await accessible('arrival-plan');
  await save();

  await page.getByLabel('Foster care').check();
  await page.getByLabel('Provider').fill('Demo fostering');
  await page.getByLabel('Address', { exact: true }).fill('12 Example Close');
  await page.getByLabel('Carer’s name', { exact: true }).fill('Fay Foster');
  await page.getByLabel('Carer’s mobile number', { exact: true }).fill('07700 900777');
  await accessible('arrival-placement');
  await save();

  await page.getByLabel('Guardian service’s email address (optional)').fill('ictg@example.org');
  await page.getByLabel('First responder organisation').fill('Demo Borough');
  await accessible('arrival-referrals');
  await save();

  await page.waitForURL(`${baseUrl()}/arrivals/new`);
  await page.getByRole('button', { name: 'Check and record the arrival' }).click();
  const check = await page.locator('main').innerText();
  expect(check).toContain('Gatwick Airport');
  expect(check).toContain('Phone number sewn into clothing');
  await accessible('arrival-check');
  await page.getByRole('button', { name: 'Record the arrival' }).click();

  await page.waitForURL(/\/arrivals\/[0-9a-f-]{36}\/recorded/);
  const recorded = await page.locator('main').innerText();
  expect(recorded).toContain('Arrival recorded');
  expect(recorded).toMatch(/The police and the guardian service are being told/);
  await accessible('arrival-recorded');

  await page.getByRole('link', { name: 'Open the child’s record' }).click();
  expect(await page.locator('main').innerText()).toContain('Arben Example');
  await accessible('arrival-child-record');
});
