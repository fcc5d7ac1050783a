// Every API endpoint has a page that does the same task (issue 25): docs/endpoints-and-pages.md lists
// each route of server.table() under /api and /webhooks with its page, and every page it names is a route.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildTestApp, TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

/** The table under "## Every endpoint and its page": endpoint -> the pages named (backticked paths). */
function documented(): Map<string, { pages: string[]; text: string }> {
  const doc = readFileSync(join(__dirname, '../../docs/endpoints-and-pages.md'), 'utf8');
  const section = doc.split('## Every endpoint and its page')[1]?.split(/\n## /)[0] ?? '';
  const rows = new Map<string, { pages: string[]; text: string }>();
  for (const line of section.split('\n')) {
    const cells = /^\| `([A-Z]+ \/[^`]+)` \| (.+) \|$/.exec(line);
    if (!cells) continue;
    const pages = [...cells[2].matchAll(/`(\/[^`]*)`/g)].map((m) => m[1]);
    rows.set(cells[1], { pages, text: cells[2] });
  }
  return rows;
}

it('lists every API and webhook route with the page that does the same task', () => {
  const routes = app.server.table();
  const endpoints = routes
    .filter((r) => /^\/(api|webhooks)\//.test(r.path))
    .map((r) => `${r.method.toUpperCase()} ${r.path}`);
  const rows = documented();
  expect(endpoints.filter((e) => !rows.has(e))).toEqual([]); // an endpoint with no row
  expect([...rows.keys()].filter((e) => !endpoints.includes(e))).toEqual([]); // a row for no endpoint

  const pagePaths = new Set(routes.filter((r) => !/^\/(api|webhooks)\//.test(r.path)).map((r) => r.path));
  const problems: string[] = [];
  for (const [endpoint, { pages, text }] of rows) {
    if (endpoint.includes(' /webhooks/')) {
      if (!text.startsWith('no page:')) problems.push(`${endpoint}: a webhook has no page; say "no page: why"`);
      continue;
    }
    if (!pages.length) problems.push(`${endpoint}: names no page`);
    for (const page of pages) if (!pagePaths.has(page)) problems.push(`${endpoint}: ${page} is not a route`);
  }
  expect(problems).toEqual([]);
});
