// Every kind of page in Welsh (issue 29), as each role that uses it sees it: marked lang="cy", no English
// catalogue phrase left on it (test/support/welsh.ts), and passing the axe check in Welsh as the other journeys
// check it in English. Read-only: it only opens pages (forms are not sent), for H9PX and the demo's records that
// no journey changes, and the language choice lives in this browser's cookie, never on the shared demo users.
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { englishLeft } from '../support/welsh';
import { accessibilityProblems, baseUrl, launchBrowser, screenshot, signIn } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page signed in as that demo user, choosing Welsh by cookie after signing in. */
async function welshSession(user: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, `${user}@demo-borough.example.org`);
  await page.waitForURL(`${baseUrl()}/`);
  await context.addCookies([{ name: 'mc_lang', value: 'cy', url: baseUrl() }]);
  return { context, page };
}

/** Opens each path and checks it is Welsh, has no English catalogue phrase and passes axe. */
async function checkWelsh(page: Page, paths: string[]): Promise<void> {
  const problems: string[] = [];
  for (const p of paths) {
    const res = await page.goto(`${baseUrl()}${p}`);
    const name = `welsh${p.replace(/[0-9a-f-]{36}/g, 'id').replace(/[^a-z0-9]+/gi, '-')}`;
    if (res?.status() !== 200) problems.push(`${p}: answered ${res?.status()}`);
    if ((await page.locator('html').getAttribute('lang')) !== 'cy') problems.push(`${p}: not lang="cy"`);
    // What a form holds was typed by someone (a plan's agencies, a name): data, not the page's words. So is the
    // reason the demo's manager typed when closing H9PX's episode (seeds/08-demo-episodes.ts).
    const words = (await page.content())
      .replace(/(<textarea[^>]*>)[^<]*(<\/textarea>)/g, '$1$2')
      .replaceAll(': Return interview held\n', ':\n');
    problems.push(...englishLeft(words).map((e) => `${p}: English left: ${e}`));
    problems.push(...(await accessibilityProblems(page)).map((e) => `${p}: ${e}`));
    await screenshot(page, name);
  }
  expect(problems).toEqual([]);
}

/** The first link on `path` whose href matches `pattern` (a record's own page, found as a user would). */
async function firstLink(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(`${baseUrl()}${path}`);
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => pattern.test(h));
  if (!href) throw new Error(`no link like ${pattern} on ${path}`);
  return href;
}

it('shows an administrator the administration pages in Welsh', async () => {
  const { context, page } = await welshSession('admin');
  await checkWelsh(page, [
    '/admin',
    '/admin/users',
    '/admin/users/new',
    '/admin/contacts',
    '/admin/contacts/new',
    await firstLink(page, '/admin/contacts', /^\/admin\/contacts\/[0-9a-f-]{36}\/edit$/),
    '/admin/texts',
    '/admin/audit',
    '/admin/language',
    '/admin/published-contacts',
    '/admin/published-contacts/edit',
    '/account/language',
  ]);
  await context.close();
}, 300_000);

it('shows a senior manager the policy, figures and returns in Welsh', async () => {
  const { context, page } = await welshSession('head.of.service');
  await checkWelsh(page, ['/', '/admin/policy', '/admin/policy/edit', '/figures', '/returns']);
  await context.close();
}, 300_000);

it('shows the data protection officer the records pages in Welsh', async () => {
  const { context, page } = await welshSession('dpo');
  await checkWelsh(page, [
    '/admin/subject-access',
    '/admin/subject-access/new',
    await firstLink(page, '/admin/subject-access', /^\/admin\/subject-access\/[0-9a-f-]{36}$/),
    '/admin/retention',
    '/admin/retention/rules',
    '/admin/legal-holds',
    '/admin/legal-holds/new',
  ]);
  await context.close();
}, 300_000);

it("shows a social worker a child's record and every form about it in Welsh", async () => {
  const { context, page } = await welshSession('social.worker');
  await page.goto(`${baseUrl()}/children?search=H9PX`);
  const child = await firstLink(page, '/children?search=H9PX', /^\/children\/[0-9a-f-]{36}$/);
  const forms = [
    'edit',
    'corrections',
    'carers',
    'carers/new',
    'guardians/new',
    'missing-profile',
    'nrm-referrals/new',
    'placements/new',
    'placements/edit',
    'placements/end',
    'placements/police-force',
    'plans/new',
    'trafficking-assessments/new',
    'care/end',
  ];
  await checkWelsh(page, [
    '/',
    '/children',
    '/children/new',
    '/arrivals/new',
    child,
    ...forms.map((f) => `${child}/${f}`),
    await firstLink(page, child, /^\/guardians\/[0-9a-f-]{36}\/edit$/),
    await firstLink(page, child, /^\/nrm-referrals\/[0-9a-f-]{36}\/decisions$/),
    await firstLink(page, child, /^\/episodes\/[0-9a-f-]{36}$/),
  ]);
  await context.close();
}, 300_000);

it('shows the operational group its pages in Welsh', async () => {
  const { context, page } = await welshSession('admin');
  await checkWelsh(page, [
    '/operational-group',
    await firstLink(page, '/operational-group', /^\/operational-group\/meetings\/[0-9a-f-]{36}$/),
    '/operational-group/members',
    '/operational-group/settings',
  ]);
  await context.close();
}, 300_000);
