// A person signs in and out in a real browser; every page passes an accessibility check.
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

it('shows GOV.UK errors for an empty sign-in form, accessibly', async () => {
  await page.goto(`${baseUrl()}/sign-in`);
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, 'sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('.govuk-error-summary')).resolves;
  expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter your email address');
  expect(await page.title()).toMatch(/^Error: Sign in/);
  expect(await accessibilityProblems(page)).toEqual([]);
});

it('signs a social worker in and out', async () => {
  await signIn(page, 'social.worker@demo-borough.example.org');
  await page.waitForURL(`${baseUrl()}/`);
  expect(await page.locator('h1').innerText()).toBe('Dashboard');
  expect(await page.locator('.govuk-caption-l').innerText()).toBe('Demo Borough');
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, 'home');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(`${baseUrl()}/sign-in`);
  await page.goto(`${baseUrl()}/`);
  expect(page.url()).toBe(`${baseUrl()}/sign-in?next=%2F`);
});

it('runs with no console errors and no CSP violations', async () => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await signIn(page, 'team.manager@demo-borough.example.org');
  await page.waitForURL(`${baseUrl()}/`);
  expect(problems).toEqual([]);
});
