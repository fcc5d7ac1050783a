// Management figures through the API and the page: what a manager would read for the demo data,
// then with a child still missing for weeks, a repeat misser and an episode closed without a return.
import type { Actor } from '../../src/platform/auth/actor';
import { bearer, buildTestApp, TestApp } from '../support/app';
import { daysBefore, insertEpisode } from '../support/episode-rows';

let app: TestApp;
let now: Date;
let from: string;
let to: string;
beforeAll(async () => {
  app = await buildTestApp();
  now = app.clock.now();
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(d);
  from = day(daysBefore(now, 90));
  to = day(now);
});
afterAll(async () => {
  await app.close();
});

async function figures(
  query: string,
  role: 'team_manager' | 'social_worker' | 'group_member' = 'team_manager',
  authority: 'DEMO' | 'OTHER' = 'DEMO',
) {
  return app.server.inject({ url: `/api/v1/figures?${query}`, headers: bearer(await app.tokenFor(role, authority)) });
}

async function sessionActor(): Promise<Actor> {
  const [u] = await app.db.dataSource
    .query(`SELECT u.id, u.authority_id, u.name FROM users u JOIN local_authorities a ON a.id = u.authority_id
    WHERE a.code = 'DEMO' AND u.role = 'team_manager' LIMIT 1`);
  return { userId: u.id, authorityId: u.authority_id, role: 'team_manager', name: u.name };
}

describe('figures API', () => {
  it('measures the demo episode: 30 hours missing, police told in 12 minutes, return interview offered and held in 72 hours', async () => {
    const res = await figures(`from=${from}&to=${to}`);
    expect(res.statusCode).toBe(200);
    expect(res.result).toMatchObject({
      from,
      to,
      children: { wentMissing: 1, repeatMissers: 0, stillMissing: 0, neverFound: 0 },
      episodes: {
        total: 1,
        perChild: 1,
        mostForOneChild: 1,
        childrenByEpisodes: { one: 1, two: 0, threeToFive: 0, sixOrMore: 0 },
      },
      durations: { ended: 1, stillOpen: 0, medianHours: 30, longestHours: 30 },
      policeReport: { reported: 1, medianMinutes: 12, longestMinutes: 12 },
      returnInterviews: { returned: 1, offeredWithin72h: 1, heldWithin72h: 1 },
      alerts: { total: 3, delivered: 1, acknowledged: 0, failed: 1 },
    });
  });

  it('shows nothing of another authority, and refuses roles without figures access', async () => {
    const other = await figures(`from=${from}&to=${to}`, 'team_manager', 'OTHER');
    expect(other.result).toMatchObject({ children: { wentMissing: 0 }, episodes: { total: 0 }, alerts: { total: 0 } });
    expect((await figures(`from=${from}&to=${to}`, 'group_member')).statusCode).toBe(200);
    expect((await figures(`from=${from}&to=${to}`, 'social_worker')).statusCode).toBe(403);
  });

  it('names a bad date, and a period that ends before it starts', async () => {
    const bad = await figures('from=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect((bad.result as { message: string }).message).toContain('from is not a real date');
    const backwards = await figures('from=2026-03-01&to=2026-02-01');
    expect(backwards.statusCode).toBe(400);
    expect((backwards.result as { errors: unknown[] }).errors).toEqual([
      { field: 'from', message: 'from must be on or before to' },
    ]);
  });

  describe('with more episodes', () => {
    beforeAll(async () => {
      const db = app.db.dataSource;
      // K7Q2 has been missing for 40 days: still missing, and never found by the 28-day definition.
      await insertEpisode(db, {
        childRef: 'K7Q2',
        reference: 'E-LONG',
        discoveredAt: daysBefore(now, 40),
        reportedToPoliceAt: daysBefore(now, 40, 1),
      });
      // M4RT went missing three times in ten days; the last was closed without a return.
      await insertEpisode(db, {
        childRef: 'M4RT',
        reference: 'E-R1',
        kind: 'A',
        discoveredAt: daysBefore(now, 60),
        returnedAt: daysBefore(now, 60, 2),
        closedAt: daysBefore(now, 59),
      });
      await insertEpisode(db, {
        childRef: 'M4RT',
        reference: 'E-R2',
        discoveredAt: daysBefore(now, 55),
        returnedAt: daysBefore(now, 55, 10),
        closedAt: daysBefore(now, 54),
      });
      await insertEpisode(db, {
        childRef: 'M4RT',
        reference: 'E-R3',
        discoveredAt: daysBefore(now, 50),
        closedAt: daysBefore(now, 45),
      });
    });

    it('counts repeat missers, children still missing and children never found', async () => {
      const res = await figures(`from=${from}&to=${to}`);
      expect(res.result).toMatchObject({
        children: { wentMissing: 3, repeatMissers: 1, stillMissing: 1, neverFound: 2 },
        episodes: {
          total: 5,
          perChild: 1.7,
          mostForOneChild: 3,
          childrenByEpisodes: { one: 2, two: 0, threeToFive: 1, sixOrMore: 0 },
        },
        durations: { ended: 4, stillOpen: 1, medianHours: 20, longestHours: 120 },
        returnInterviews: { returned: 3 },
      });
    });

    it('counts a child as still missing at the end of an earlier period, not only now', async () => {
      const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(d);
      const res = await figures(`from=${day(daysBefore(now, 52))}&to=${day(daysBefore(now, 48))}`);
      expect(res.result).toMatchObject({
        children: { wentMissing: 1, stillMissing: 1, neverFound: 1 },
        episodes: { total: 1 },
      });
    });

    it('exports the same measures as CSV', async () => {
      const res = await figures(`from=${from}&to=${to}&format=csv`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="figures-${from}-to-${to}.csv"`);
      const lines = res.payload.split('\r\n');
      expect(lines[0]).toBe('"from","to","measure","value"');
      expect(lines).toContain(`"${from}","${to}","Children never found","2"`);
      expect(lines).toContain(`"${from}","${to}","Repeat missers (3 or more episodes within 30 days)","1"`);
    });

    it('shows the figures page with charts that read without colour and a table under each', async () => {
      const res = await app.server.inject({
        url: `/figures?from=${from}&to=${to}`,
        auth: { strategy: 'session', credentials: { actor: await sessionActor() } },
      });
      expect(res.statusCode).toBe(200);
      expect(res.payload).toContain('<title>Missing children figures');
      const charts = res.payload.match(/<svg[^>]*data-chart=[\s\S]*?<\/svg>/g)!;
      expect(charts).toHaveLength(4);
      for (const svg of charts) {
        expect(svg).toMatch(/role="img"/);
        expect(svg).toMatch(/<title id="[^"]+">[^<]+<\/title>/);
        expect(svg).toMatch(/<desc id="[^"]+">[^<]+<\/desc>/);
        expect(svg).toMatch(/fill="url\(#[^)]+\)"/);
      }
      expect(res.payload).toContain(
        'Children by number of missing episodes. 1 episode: 2; 2 episodes: 0; 3 to 5: 1; 6 or more: 0.',
      );
      expect(res.payload.match(/<table class="govuk-table/g)).toHaveLength(4);
      expect(res.payload).toMatch(
        /<dt class="govuk-summary-list__key">Children never found<\/dt>\s*<dd class="govuk-summary-list__value">2<\/dd>/,
      );
    });

    it('shows a GOV.UK error on the page for a date that does not exist', async () => {
      const res = await app.server.inject({
        url: '/figures?from=2026-13-01',
        auth: { strategy: 'session', credentials: { actor: await sessionActor() } },
      });
      expect(res.statusCode).toBe(400);
      expect(res.payload).toContain('There is a problem');
      expect(res.payload).toContain('href="#from"');
    });
  });
});
