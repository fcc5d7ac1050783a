// A senior manager changes the escalation policy in a real browser (GOV.UK errors for a bad edit),
// and the child record and administration pages pass the accessibility check.
import type { Browser, Page } from 'playwright-core';

import { accessibilityProblems, baseUrl, launchBrowser, screenshot, signIn } from './support/browser';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  page = await (await browser.newContext()).newPage();
});

async function accessible(name: string): Promise<void> {
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, name);
}

it('lets a senior manager change the escalation policy, explaining a mistake first', async () => {
  await signIn(page, 'head.of.service@demo-borough.example.org');
  await page.waitForURL(`${baseUrl()}/`);
  await page.getByRole('link', { name: 'Administration' }).click();
  await accessible('admin-index');
  await page.getByRole('link', { name: 'Escalation policy' }).click();
  const before = await page.locator('h1').innerText();
  await accessible('admin-policy');
  await page.getByRole('button', { name: 'Change the policy' }).click();
  const policy = page.getByLabel('Policy (JSON)');
  const original = await policy.inputValue();
  await policy.fill(original.replace('"repeatWindowDays": 30', '"repeatWindowDays": "thirty"'));
  await page.getByRole('button', { name: 'Save new version' }).click();
  expect(await page.locator('.govuk-error-summary').innerText()).toContain('Correct the policy');
  await accessible('admin-policy-errors');
  await page.getByLabel('Policy (JSON)').fill(original.replace('"repeatWindowDays": 30', '"repeatWindowDays": 35'));
  await page.getByRole('button', { name: 'Save new version' }).click();
  await page.waitForURL(`${baseUrl()}/admin/policy`);
  expect(await page.locator('h1').innerText()).not.toBe(before);
  expect(await page.locator('main').innerText()).toContain('in the last 35 days');
}, 180_000);

it('shows an administrator the users, contacts, texts and audit pages accessibly', async () => {
  await signIn(page, 'admin@demo-borough.example.org');
  await page.waitForURL(`${baseUrl()}/`);
  for (const [path, name] of [
    ['/admin/users', 'admin-users'],
    ['/admin/users/new', 'admin-user-new'],
    ['/admin/contacts', 'admin-contacts'],
    ['/admin/contacts/new', 'admin-contact-new'],
    ['/admin/texts', 'admin-texts'],
    ['/admin/audit', 'admin-audit'],
    ['/accessibility', 'accessibility'],
  ]) {
    await page.goto(`${baseUrl()}${path}`);
    await accessible(name);
  }
}, 180_000);

it("shows a social worker a child's record accessibly", async () => {
  await signIn(page, 'social.worker@demo-borough.example.org');
  await page.waitForURL(`${baseUrl()}/`);
  await page.getByRole('link', { name: 'Children', exact: true }).click();
  await page.getByRole('link', { name: 'Dritan Placeholder', exact: true }).click();
  expect(await page.locator('h1').innerText()).toBe('Dritan Placeholder');
  await accessible('child');
}, 120_000);
