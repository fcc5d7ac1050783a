// Control characters and impossible dates as a hostile user (or a pasted document) sends them: on
// every API route that takes a body and on every page form, a NUL, an ESC or a line break in a
// one-line field is refused with a sentence (400; a page re-renders with the GOV.UK error summary,
// never JSON), nothing is stored, and nothing answers 500. A carer's text with a NUL is kept, not lost.
import type { RequestRoute } from '@hapi/hapi';

import type { Role } from '../../src/platform/auth/roles';
import { bearer, buildTestApp, TestApp } from '../support/app';
import { pageSession } from '../support/pages';
import { demoChildId, UNKNOWN_ID } from '../support/records';
import { examplePayloads } from '../support/route-examples';
import { textService, twilioEnv } from '../support/twilio-sms';

let app: TestApp;
const logLines: string[] = [];
let childId: string;
beforeAll(async () => {
  app = await buildTestApp({ ...twilioEnv }, { logLines });
  childId = await demoChildId(app, 'K7Q2');
}, 60_000);
afterAll(async () => {
  await app.close();
});

// A refusal (the team manager's 403 before the administrator tries) is audited as such; a change is anything else.
const changesAudited = async () =>
  Number((await app.db.dataSource.query(`SELECT count(*) AS n FROM audit_events WHERE action <> 'refused'`))[0].n);
const count = async (table: string) =>
  Number((await app.db.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

/** Every path to a string in an example body, e.g. ['carers', 0, 'name']. */
function stringPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...at, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...at, k]));
  return [];
}
function withValue(body: object, path: (string | number)[], change: (s: string) => string): object {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = change(node[path[path.length - 1]] as string);
  return copy;
}

const isDate = (path: (string | number)[], example: object) =>
  /^\d{4}-\d{2}-\d{2}/.test(
    String(path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], example)),
  );
const apiRoutes = () =>
  app.server.table().filter((r: RequestRoute) => examplePayloads[`${r.method.toUpperCase()} ${r.path}`]);
// Tried in turn until one may use the route, so every request reaches validation.
const roles: Role[] = ['team_manager', 'administrator', 'data_protection_officer'];

describe('the API', () => {
  it('refuses a NUL or an ESC in every string field of every body with a sentence, and stores nothing', async () => {
    const problems: string[] = [];
    let checked = 0;
    const tokens: string[] = [];
    for (const role of roles) tokens.push(await app.tokenFor(role));
    for (const route of apiRoutes()) {
      const name = `${route.method.toUpperCase()} ${route.path}`;
      const example = examplePayloads[name];
      const url = route.path.replace(/\{[^}]+\}/g, UNKNOWN_ID);
      for (const path of stringPaths(example)) {
        for (const bad of ['\u0000', '\u001b[2J']) {
          const before = await changesAudited();
          let res = await app.server.inject({
            method: route.method,
            url,
            payload: withValue(example, path, (s) => `${s}${bad}x`),
            headers: bearer(tokens[0]),
          });
          for (const token of tokens.slice(1))
            if (res.statusCode === 403)
              res = await app.server.inject({
                method: route.method,
                url,
                payload: withValue(example, path, (s) => `${s}${bad}x`),
                headers: bearer(token),
              });
          checked++;
          const field = path.join('.');
          if (res.statusCode !== 400)
            problems.push(`${name} ${field} ${JSON.stringify(bad)}: ${res.statusCode} ${res.payload.slice(0, 120)}`);
          // A date with a NUL in it is first of all not a date, and is told so.
          else if (
            !/control character/.test(res.payload) &&
            !(isDate(path, example) && res.payload.includes(`${field} must be a date`))
          )
            problems.push(`${name} ${field}: 400 without saying why: ${res.payload.slice(0, 120)}`);
          if (name !== 'POST /api/v1/auth/tokens' && (await changesAudited()) !== before)
            problems.push(`${name} ${field}: a refused request was audited as a change`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  }, 120_000);

  it('refuses a line break in a one-line field but keeps one in long text', async () => {
    const token = await app.tokenFor('team_manager');
    const oneLine = await app.server.inject({
      method: 'PATCH',
      url: `/api/v1/children/${childId}`,
      payload: { firstNames: 'Amira\r\nBcc: x@example.org' },
      headers: bearer(token),
    });
    expect(oneLine.statusCode).toBe(400);
    expect(oneLine.result).toMatchObject({ message: expect.stringContaining('firstNames must be on one line') });
    const plan = await app.server.inject({
      method: 'POST',
      url: `/api/v1/children/${childId}/plans`,
      headers: bearer(token),
      payload: {
        ...examplePayloads['POST /api/v1/children/{id}/plans'],
        notes: 'First line.\r\nSecond line.\tTabbed.',
      },
    });
    expect(plan.statusCode).toBe(201);
    expect((plan.result as { notes: string }).notes).toBe('First line.\r\nSecond line.\tTabbed.');
  });

  it('refuses control characters in a query string', async () => {
    const res = await app.server.inject({
      url: '/api/v1/children?search=%00',
      headers: bearer(await app.tokenFor('team_manager')),
    });
    expect(res.statusCode).toBe(400);
    expect(res.payload).toContain('control character');
  });
});

describe('dates', () => {
  const token = () => app.tokenFor('team_manager');
  const post = async (url: string, payload: object) =>
    app.server.inject({ method: 'POST', url, payload, headers: bearer(await token()) });
  let episodeId: string;
  beforeAll(async () => {
    const res = await post(`/api/v1/children/${childId}/episodes`, {
      kind: 'M',
      discoveredAt: new Date(app.clock.now().getTime() - 3600_000).toISOString(),
    });
    expect(res.statusCode).toBe(201);
    episodeId = (res.result as { id: string }).id;
  });

  it.each([
    ['a day that does not exist', '2026-02-30T10:00:00Z', 'not a real date'],
    ['the year 0000', '0000-01-01T00:00:00Z', 'must be between 1990 and 2100'],
    ['the year 1900', '1900-06-01T00:00:00Z', 'must be between 1990 and 2100'],
    ['the year 9999', '9999-01-01T00:00:00Z', 'must be between 1990 and 2100'],
  ])('refuses a sighting dated %s', async (_what, at, message) => {
    const before = await count('episode_events');
    const res = await post(`/api/v1/episodes/${episodeId}/sightings`, { at, where: 'Station' });
    expect(res.statusCode).toBe(400);
    expect(res.payload).toContain(message);
    expect(await count('episode_events')).toBe(before);
  });

  it('refuses a sighting more than ten minutes ahead, and takes one five minutes ahead (a fast phone clock)', async () => {
    const ahead = (minutes: number) => new Date(app.clock.now().getTime() + minutes * 60_000).toISOString();
    const future = await post(`/api/v1/episodes/${episodeId}/sightings`, { at: ahead(11), where: 'Station' });
    expect(future.statusCode).toBe(400);
    expect(future.payload).toContain('at cannot be in the future');
    expect((await post(`/api/v1/episodes/${episodeId}/sightings`, { at: ahead(5), where: 'Station' })).statusCode).toBe(
      200,
    );
  });

  it("refuses a police report dated before the child's birth", async () => {
    const res = await post(`/api/v1/episodes/${episodeId}/police`, { reportedToPoliceAt: '1995-01-01T00:00:00Z' });
    expect(res.statusCode).toBe(400);
    expect(res.payload).toContain("reportedToPoliceAt cannot be before the child's date of birth");
  });

  it('refuses a date of birth of 30 February or in the future', async () => {
    const patch = async (dateOfBirth: string) =>
      app.server.inject({
        method: 'PATCH',
        url: `/api/v1/children/${childId}`,
        payload: { dateOfBirth },
        headers: bearer(await token()),
      });
    expect((await patch('2012-02-30')).payload).toContain('not a real date');
    const future = await patch('2099-01-01');
    expect(future.statusCode).toBe(400);
    expect(future.payload).toContain('dateOfBirth cannot be in the future');
  });
});

describe('page forms', () => {
  // Each form a person fills in, opened as someone who may use it; every text box gets a NUL.
  const forms: [Role, () => Promise<string>][] = [
    ['social_worker', async () => `/children/${childId}/edit`],
    ['social_worker', async () => `/children/${childId}/report-missing`],
    ['social_worker', async () => `/children/${childId}/plans/new`],
    ['social_worker', async () => `/children/${childId}/guardians/new`],
    ['social_worker', async () => `/children/${childId}/missing-profile`],
    ['social_worker', async () => `/children/${childId}/placements/end`],
    ['administrator', async () => '/admin/contacts/new'],
    ['administrator', async () => '/admin/users/new'],
    ['administrator', async () => '/admin/policy/edit'],
  ];

  it.each(forms)(
    'as a %s, a NUL in the text boxes of a form re-renders it with the error summary',
    async (role, urlOf) => {
      const page = await pageSession(app, role);
      const url = await urlOf();
      const form = await page.get(url);
      expect(form.statusCode).toBe(200);
      const names = [
        ...form.payload.matchAll(
          /<(?:input|textarea)[^>]*?(?:type="text"[^>]*?)?name="([^"]+)"(?![^>]*type="(?:hidden|checkbox|radio|password)")/g,
        ),
      ]
        .map((m) => m[1])
        .filter((n) => n !== 'crumb' && !/(Day|Month|Year|Time)$/.test(n));
      expect(names.length).toBeGreaterThan(0);
      const res = await page.post(url, Object.fromEntries(names.map((n) => [n, 'text\u0000more'])));
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.payload).toContain('There is a problem');
      expect(res.payload).toContain('control character');
    },
  );
});

describe('a carer texting a control character', () => {
  it('is answered, and the text is stored and queued with the character taken out', async () => {
    const { res, reply, messageSid } = await textService(
      app.server,
      '+447700900555',
      'my boy\u0000 has gone\u001b please help',
    );
    expect(res.statusCode).toBe(200);
    expect(reply).not.toMatch(/went wrong/i);
    const [row] = await app.db.dataSource.query('SELECT body FROM inbound_messages WHERE message_sid = $1', [
      messageSid,
    ]);
    expect(row.body).toBe('my boy has gone please help');
  });
});

describe('the log', () => {
  it('holds no phone number, email address, child name, message body, token or hash after all of the above', async () => {
    const all = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(0);
    for (const secret of [
      '+447700900555',
      '07700 900',
      '07700900',
      'please help',
      '@example.org',
      'Amira',
      'Bearer ',
      'mct_',
      '$argon2',
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});
