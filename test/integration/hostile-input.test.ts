// Random and hostile requests to every route the server has (wrong types, huge strings, unicode,
// SQL and script fragments, malformed JSON, wrong content types, forged Twilio signatures, forged
// tokens): never a 5xx, never a stack trace, and a rejected (4xx) request changes no record: a
// checksum of every table (its row count and a hash of its rows) is the same before and after.
import type { RequestRoute } from '@hapi/hapi';
import fc from 'fast-check';

import { bearer, buildTestApp, TestApp } from '../support/app';
import { examplePayloads } from '../support/route-examples';
import { twilioEnv } from '../support/twilio-sms';

const RUNS = 12;
// Sign-in counts failed attempts (the lockout): that write on a 401 is the point of it.
const countsFailures = new Set(['POST /api/v1/auth/tokens', 'POST /sign-in']);

let app: TestApp;
const logLines: string[] = [];
let token: string;
let realIds: string[];
beforeAll(async () => {
  app = await buildTestApp({ ...twilioEnv, SIGN_IN_RATE_LIMIT: '100000', WEBHOOK_RATE_LIMIT: '100000' }, { logLines });
  token = await app.tokenFor('team_manager');
  realIds = (
    await app.db.dataSource.query(
      `SELECT id::text FROM children UNION ALL SELECT id::text FROM missing_episodes LIMIT 4`,
    )
  ).map((r: { id: string }) => r.id);
}, 60_000);
afterAll(async () => {
  await app.close();
});

const q = (sql: string) => app.db.dataSource.query(sql);
// A refused request by a signed-in user writes its 'refused' audit line by design (audit-completeness.test.ts); nothing
// else may change.
const REFUSALS_ASIDE = `(SELECT * FROM audit_events WHERE action <> 'refused')`;
let checksumSql: string;
/** Every table's row count and the sum of its rows' hashes: any insert, update or delete changes it. */
async function checksum(): Promise<string> {
  if (!checksumSql) {
    const tables: { t: string }[] = await q(
      `SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    checksumSql = `SELECT string_agg(h, ',' ORDER BY t) AS sum FROM (${tables
      .map(
        ({ t }) =>
          `SELECT '${t}' AS t, count(*) || ':' || coalesce(sum(hashtext(x::text)::bigint), 0) AS h FROM ${t === 'audit_events' ? REFUSALS_ASIDE : t} x`,
      )
      .join(' UNION ALL ')}) s`;
  }
  return (await q(checksumSql))[0].sum;
}

/** The team manager's token, signed in again if a sign-out route revoked it. */
async function freshToken(): Promise<string> {
  const res = await app.server.inject({ method: 'GET', url: '/api/v1/authorities/current', headers: bearer(token) });
  if (res.statusCode !== 401) return token;
  return app.signIn('team_manager');
}

const hostile = fc.oneof(
  fc.constantFrom(
    "' OR '1'='1",
    '1; DROP TABLE children; --',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '{{7*7}}',
    '../../../etc/passwd',
    '\u0000',
    '%00',
    '\u202e\u0645\u0631\u062d\u0628\u0627',
    '🙂👩‍👩‍👧',
    'null',
    'undefined',
    '-1',
    '1e309',
    'NaN',
    ' ',
    '',
    'x'.repeat(70_000),
    '0'.repeat(400),
    '2026-02-30T25:61:00Z',
    '+447700900101',
    'MISSING',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(
  hostile,
  fc.array(hostile, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), hostile, { maxKeys: 3 }),
);
const body = (fields: string[]) =>
  fc.oneof(
    fc.record({
      kind: fc.constant('json' as const),
      value: fc.dictionary(
        fc.oneof(fc.constantFrom(...fields, 'id', '__proto__', 'constructor'), fc.string({ maxLength: 10 })),
        value,
        { maxKeys: 6 },
      ),
    }),
    fc.record({ kind: fc.constant('json' as const), value }),
    fc.record({
      kind: fc.constant('raw' as const),
      value: fc.constantFrom('{"a":', '{"a":1}}', '[', 'not json', '\u0000\u0001', '<xml/>', 'a=1&a=2&b[c]=3'),
      type: fc.constantFrom(
        'application/json',
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'image/png',
      ),
    }),
    fc.record({
      kind: fc.constant('form' as const),
      value: fc.dictionary(
        fc.constantFrom(
          'MessageSid',
          'From',
          'To',
          'Body',
          'AccountSid',
          'MessageStatus',
          'crumb',
          'email',
          'password',
        ),
        fc.string({ maxLength: 30 }),
        { maxKeys: 6 },
      ),
    }),
  );
const auth = fc.constantFrom('none', 'valid', 'forged', 'cookie', 'twilio');
const param = fc.oneof(
  hostile.map(String),
  fc.uuid(),
  fc.nat(3).map((i) => realIds[i % realIds.length]),
);

function requestFor(route: RequestRoute) {
  const fields = Object.keys(examplePayloads[`${route.method.toUpperCase()} ${route.path}`] ?? {});
  return fc.record({
    params: fc.array(param, { minLength: 4, maxLength: 4 }),
    query: fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 30 }), { maxKeys: 3 }),
    body: body(fields),
    auth,
  });
}

type Hostile = ReturnType<typeof requestFor> extends fc.Arbitrary<infer T> ? T : never;

function inject(route: RequestRoute, r: Hostile) {
  let n = 0;
  const path = route.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(r.params[n++ % 4]));
  const query = new URLSearchParams(r.query).toString();
  const headers: Record<string, string> = {};
  if (r.auth === 'valid') Object.assign(headers, bearer(token));
  if (r.auth === 'forged') headers.authorization = 'Bearer mc_forged0123456789abcdef0123456789abcdef';
  if (r.auth === 'cookie') headers.cookie = 'sid=Fe26.2**forged**cookie; crumb=forged';
  if (r.auth === 'twilio') headers['x-twilio-signature'] = 'forged+signature/AAAAAAAAAAAAAAAAAAA=';
  let payload: string | undefined;
  if (!['GET', 'HEAD'].includes(route.method.toUpperCase())) {
    if (r.body.kind === 'json') {
      payload = JSON.stringify(r.body.value);
      headers['content-type'] = 'application/json';
    }
    if (r.body.kind === 'raw') {
      payload = r.body.value;
      headers['content-type'] = r.body.type;
    }
    if (r.body.kind === 'form') {
      payload = new URLSearchParams(r.body.value).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
  }
  return app.server.inject({ method: route.method, url: `${path}${query ? `?${query}` : ''}`, headers, payload });
}

it('sees a write: an accepted request changes the checksum', async () => {
  const sum = await checksum();
  const res = await app.server.inject({
    method: 'POST',
    url: '/api/v1/contacts',
    headers: bearer(await app.tokenFor('administrator')),
    payload: examplePayloads['POST /api/v1/contacts'],
  });
  expect(res.statusCode).toBe(201);
  expect(await checksum()).not.toBe(sum);
});

it('answers every route with no 5xx, no stack trace, and no change from a rejected request', async () => {
  const routes = app.server
    .table()
    .filter((r) => r.method !== '*' && !r.path.startsWith('/assets') && !r.path.startsWith('/swaggerui'));
  expect(routes.length).toBeGreaterThan(20);
  const problems: string[] = [];
  const statuses = new Map<number, number>();
  for (const route of routes) {
    const name = `${route.method.toUpperCase()} ${route.path}`;
    token = await freshToken();
    let before = await checksum();
    await fc.assert(
      fc.asyncProperty(requestFor(route), async (r) => {
        const res = await inject(route, r);
        const after = await checksum();
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 500) problems.push(`${name} answered ${res.statusCode}: ${res.payload.slice(0, 200)}`);
        if (/\n\s+at .+:\d+:\d+|node_modules|\/src\//.test(res.payload))
          problems.push(`${name} showed a stack trace or a path`);
        if (res.statusCode >= 400 && !countsFailures.has(name) && after !== before)
          problems.push(`${name} answered ${res.statusCode} but changed records`);
        before = after;
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261123) },
    );
  }
  expect(problems).toEqual([]);
  // The requests reached the validators and the permission checks, not only the sign-in wall.
  expect([400, 401, 403, 404].map((code) => (statuses.get(code) ?? 0) > 0)).toEqual([true, true, true, true]);
}, 240_000);

it('wrote no personal data to the log while it was attacked', async () => {
  const all = logLines.join('\n');
  expect(logLines.length).toBeGreaterThan(100);
  // The demo data's phone numbers (in full: five digits alone turn up by chance in timestamps and ids), emails,
  // children's names, the password and tokens.
  const names: { first_names: string; last_name: string }[] = await q('SELECT first_names, last_name FROM children');
  const secrets = [
    '+44770090',
    '07700 900',
    '07700900',
    '@example.org',
    '@demo-borough',
    'safeguarding-demo',
    'mct_',
    '$argon2',
    ...names.flatMap((n) => [n.first_names, n.last_name]),
  ];
  expect(secrets.filter((s) => all.includes(s))).toEqual([]);
});
