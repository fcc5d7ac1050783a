// A group member opens the operational group in a real browser, opens the next meeting and reads its
// agenda pack, then agrees an action (a GOV.UK error first). Every page passes the axe check.
import type { Browser, Page } from 'playwright-core';

import { baseUrl, expectAccessible, launchBrowser, signIn } from './support/browser';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
});
afterAll(async () => {
  await browser?.close();
});

const accessible = (name: string) => expectAccessible(page, name);

it('opens the next meeting, reads its agenda pack and adds an action', async () => {
  await signIn(page, 'group.member@demo-borough.example.org');
  await page.waitForURL(`${baseUrl()}/`);
  await page.getByRole('link', { name: 'Operational group', exact: true }).click();
  expect(await page.locator('h1').innerText()).toBe('Demo Borough operational group');
  expect(
    await page.locator('.govuk-table', { hasText: 'Check the phone arrangements for H9PX' }).innerText(),
  ).toContain('Overdue');
  await accessible('operational-group');

  await page.locator('#next-meeting + .govuk-summary-list a').click();
  await page.waitForURL(/\/operational-group\/meetings\/[0-9a-f-]{36}$/);
  const meetingUrl = page.url();
  expect(await page.locator('#agenda-pack').innerText()).toBe('Agenda pack');
  expect(await page.locator('caption', { hasText: '9. Open actions' }).count()).toBe(1);
  await accessible('group-meeting');

  await page.getByLabel('What needs to be done?').fill('Ask the college for the attendance record');
  await page.getByRole('button', { name: 'Add action' }).click();
  expect(await page.locator('.govuk-error-summary').innerText()).toContain('Select who owns the action');
  await accessible('group-meeting-errors');

  await page.getByLabel('Owner').selectOption({ label: 'PC Pat Police' });
  await page.getByLabel('Day').fill('10');
  await page.getByLabel('Month').fill('1');
  await page.getByLabel('Year').fill('2030');
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.waitForURL(meetingUrl);
  expect(await page.locator('#actions + .govuk-table').innerText()).toContain(
    'Ask the college for the attendance record',
  );
  await accessible('group-meeting-action-added');
});
