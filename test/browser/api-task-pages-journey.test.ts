// The pages for what was the API's alone, in a real browser: a social worker adds a child of her own
// (no other journey touches it), places her with a carer, adds a second carer, replaces and removes one;
// reports her missing and records her found; a manager undoes the return recorded by mistake; the
// administrator adds a member to the operational group and removes it again (leaving the group as it
// was); the corrections, group settings and meeting arrangements pages open. Axe on every page; the
// widest pages fit a 320 px phone.
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { baseUrl, expectAccessible, launchBrowser, signIn } from './support/browser';

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});
jest.setTimeout(240_000);

async function signedIn(email: string, width = 1024): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, `${email}@demo-borough.example.org`);
  await page.waitForURL(`${baseUrl()}/`);
  return page;
}

const unique = String(Date.now()).slice(-5);
const lastName = `Journey${unique}`;
const mobile = (n: number) => `07700 9${String((Number(unique) + n) % 100000).padStart(5, '0')}`;
let childPath = '';
let episodePath = '';

it('a social worker places her own child with a carer, then adds, replaces and removes carers', async () => {
  const sw = await signedIn('social.worker');
  await sw.goto(`${baseUrl()}/children/new`);
  await sw.getByLabel('First names').fill('Nadia');
  await sw.getByLabel('Last name').fill(lastName);
  await sw.getByLabel('Day').fill('3');
  await sw.getByLabel('Month').fill('4');
  await sw.getByLabel('Year').fill('2011');
  await sw.getByLabel('Female').check();
  await sw.getByLabel('Suspected').check();
  await sw.getByRole('button', { name: 'Add child' }).click();
  await sw.waitForURL(/\/children\/[0-9a-f-]{36}$/);
  childPath = new URL(sw.url()).pathname;

  await sw.getByRole('link', { name: 'Start a placement' }).click();
  await sw.getByLabel('Foster care').check();
  await sw.getByLabel('Provider').fill('Journey fostering');
  await sw.getByLabel('Address', { exact: true }).fill('3 Journey Close');
  await sw.getByLabel('Carer’s name').fill('Fern First');
  await sw.getByLabel('Carer’s mobile number').fill(mobile(1));
  await sw.getByRole('button', { name: 'Start placement' }).click();
  await sw.waitForURL(`${baseUrl()}${childPath}`);

  await sw.getByRole('link', { name: 'Add, change or remove a carer' }).click();
  await sw.waitForURL(`${baseUrl()}${childPath}/carers`);
  await expectAccessible(sw, 'carers-one');
  await sw.getByRole('button', { name: 'Add a carer' }).click();
  await sw.getByRole('button', { name: 'Save carer' }).click();
  expect(await sw.locator('.govuk-error-summary').innerText()).toContain('Enter the carer’s name');
  await expectAccessible(sw, 'carer-add-errors');
  await sw.getByLabel('Carer’s name').fill('Sol Second');
  await sw.getByLabel('Carer’s mobile number').fill(mobile(2));
  await sw.getByRole('button', { name: 'Save carer' }).click();
  await sw.waitForURL(`${baseUrl()}${childPath}/carers`);
  const list = await sw.locator('.govuk-summary-list').innerText();
  expect(list).toContain('Fern First');
  expect(list).toContain('Sol Second');

  await sw.getByRole('link', { name: 'Change Sol Second' }).click();
  await expectAccessible(sw, 'carer-change');
  await sw.getByLabel('Carer’s name').fill('Tam Third');
  await sw.getByLabel('Carer’s mobile number').fill(mobile(3));
  await sw.getByRole('button', { name: 'Save carer' }).click();
  await sw.waitForURL(`${baseUrl()}${childPath}/carers`);
  expect(await sw.locator('.govuk-summary-list').innerText()).toContain('Tam Third');

  await sw.getByRole('link', { name: 'Remove Fern First' }).click();
  await expectAccessible(sw, 'carer-remove');
  await sw.getByLabel('Yes').check();
  await sw.getByRole('button', { name: 'Continue' }).click();
  await sw.waitForURL(`${baseUrl()}${childPath}/carers`);
  const left = await sw.locator('.govuk-summary-list').innerText();
  expect(left).not.toContain('Fern First');
  expect(left).toContain('Tam Third');
  // The only carer left cannot be removed.
  expect(await sw.getByRole('link', { name: /^Remove/ }).count()).toBe(0);
});

it('a manager undoes a return recorded by mistake', async () => {
  const sw = await signedIn('social.worker');
  await sw.goto(`${baseUrl()}${childPath}`);
  await sw.getByRole('button', { name: `Report Nadia ${lastName} missing` }).click();
  await sw.getByLabel('No, their whereabouts are unknown (missing)').check();
  await sw.getByRole('button', { name: 'Report missing and send alerts' }).click();
  await sw.waitForURL(/\/episodes\/[0-9a-f-]{36}$/);
  episodePath = new URL(sw.url()).pathname;
  await sw.getByRole('button', { name: 'Record found or returned' }).click();
  await sw.getByRole('button', { name: 'Record found' }).click();
  await sw.waitForURL(`${baseUrl()}${episodePath}`);
  expect(await sw.getByRole('button', { name: 'Undo the return' }).count()).toBe(0);

  const manager = await signedIn('team.manager');
  await manager.goto(`${baseUrl()}${episodePath}`);
  await manager.getByRole('button', { name: 'Undo the return' }).click();
  await manager.getByRole('button', { name: 'Undo the return' }).click();
  expect(await manager.locator('.govuk-error-summary').innerText()).toContain(
    'Enter why the return was recorded by mistake',
  );
  await expectAccessible(manager, 'undo-return-errors');
  await manager.getByLabel('Why was the return recorded by mistake?').fill('Recorded on the wrong child');
  await manager.getByRole('button', { name: 'Undo the return' }).click();
  await manager.waitForURL(`${baseUrl()}${episodePath}`);
  expect(await manager.locator('main').innerText()).toContain('Recorded on the wrong child');
  await expectAccessible(manager, 'undo-return-done');
  // Close the episode so the child leaves the missing lists other journeys read.
  await manager.getByRole('button', { name: 'Close episode' }).click();
  await manager.getByLabel('Why are you closing the episode?').fill('Journey test over');
  await manager.getByRole('button', { name: 'Close episode' }).click();
  await manager.waitForURL(`${baseUrl()}${episodePath}`);
});

it('the administrator adds a member to the operational group and removes it again', async () => {
  const admin = await signedIn('admin');
  await admin.goto(`${baseUrl()}/operational-group/members`);
  await expectAccessible(admin, 'group-members');
  const option = admin.locator('#who option', { hasText: 'Head of service' }).filter({ hasText: 'contact' });
  const value = (await option.first().getAttribute('value'))!;
  await admin.locator('#who').selectOption(value);
  await admin.getByRole('button', { name: 'Add member' }).click();
  await admin.waitForURL(`${baseUrl()}/operational-group/members`);
  expect(await option.count()).toBe(0); // no longer offered: a member now
  await admin.getByRole('link', { name: 'Remove Head of service' }).click();
  await expectAccessible(admin, 'group-member-remove');
  await admin.getByLabel('Yes').check();
  await admin.getByRole('button', { name: 'Continue' }).click();
  await admin.waitForURL(`${baseUrl()}/operational-group/members`);
  expect(await admin.getByRole('link', { name: 'Remove Head of service' }).count()).toBe(0);
  await admin.goto(`${baseUrl()}/operational-group/settings`);
  await expectAccessible(admin, 'group-settings');
});

it('the corrections and meeting arrangements pages open and pass the axe check', async () => {
  const dpo = await signedIn('dpo');
  await dpo.goto(`${baseUrl()}${childPath}/corrections`);
  expect(await dpo.locator('h1').innerText()).toBe('Correct the record');
  await expectAccessible(dpo, 'child-corrections');
  const manager = await signedIn('team.manager');
  await manager.goto(`${baseUrl()}/operational-group`);
  await manager.locator('main a[href^="/operational-group/meetings/"]').first().click();
  await manager.getByRole('link', { name: 'Change the time or place' }).click();
  expect(await manager.locator('h1').innerText()).toBe('Change the time or place');
  await expectAccessible(manager, 'meeting-arrangements');
});

it('the widest pages fit a 320 px phone', async () => {
  const fits = async (page: Page, path: string) => {
    await page.goto(`${baseUrl()}${path}`);
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    return `${path} ${overflow <= 0 ? 'fits' : `is ${overflow} px too wide`}`;
  };
  const admin = await signedIn('admin', 320);
  const adminPages = ['/admin/audit', '/admin/contacts', '/admin/users', '/admin/policy', '/admin/texts', '/'];
  const results = [];
  for (const path of adminPages) results.push(await fits(admin, path));
  const manager = await signedIn('team.manager', 320);
  for (const path of ['/children', '/operational-group', `${childPath}/carers`, episodePath])
    results.push(await fits(manager, path));
  await manager.goto(`${baseUrl()}/operational-group`);
  const meeting = (await manager.locator('main a[href^="/operational-group/meetings/"]').first().getAttribute('href'))!;
  results.push(await fits(manager, meeting));
  const dpo = await signedIn('dpo', 320);
  for (const path of ['/admin/subject-access', '/admin/retention']) results.push(await fits(dpo, path));
  expect(results.filter((r) => !r.endsWith('fits'))).toEqual([]);
  await expectAccessible(admin, 'admin-dashboard-320');
});
