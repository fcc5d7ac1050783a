// The SSDA903 missing return through the API: the demo data passes the DfE rules and comes back
// as the CSV the DfE expects; a placement ending while the child is missing cuts the period as the
// DfE requires; a problem is refused with its DfE code and a readable list unless a draft is asked for.
import { DEMO_DELIVERY_EPISODE_ID } from '../../seeds/demo-data';
import { bearer, buildTestApp, TestApp } from '../support/app';
import { insertEpisode } from '../support/episode-rows';

let app: TestApp;
let year: number;
let demoStart: Date;
beforeAll(async () => {
  app = await buildTestApp();
  const [row] = await app.db.dataSource.query('SELECT discovered_at FROM missing_episodes WHERE id = $1', [
    DEMO_DELIVERY_EPISODE_ID,
  ]);
  demoStart = row.discovered_at;
  const london = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(demoStart);
  year = Number(london.slice(0, 4)) - (london.slice(5) < '04-01' ? 1 : 0);
});
afterAll(async () => {
  await app.close();
});

const ddmmyyyy = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London' }).format(d);
const hoursAfter = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);

async function get(
  query: string,
  role: 'team_manager' | 'social_worker' | 'administrator' = 'team_manager',
  authority: 'DEMO' | 'OTHER' = 'DEMO',
) {
  return app.server.inject({
    url: `/api/v1/returns/ssda903/missing?${query}`,
    headers: bearer(await app.tokenFor(role, authority)),
  });
}

describe('SSDA903 missing return', () => {
  it('exports the demo data as the DfE CSV, as an attachment, after the rules pass', async () => {
    const res = await get(`year=${year}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="ssda903-missing-${year}-${String(year + 1).slice(2)}.csv"`,
    );
    expect(res.payload.split('\r\n')).toEqual([
      'CHILD,DOB,MISSING,MIS_START,MIS_END',
      `DB1003,20/02/2008,M,${ddmmyyyy(demoStart)},${ddmmyyyy(hoursAfter(demoStart, 30))}`,
      '',
    ]);
  });

  it('gives the same rows as JSON with no problems, and audits the export and each child it read', async () => {
    const res = await get(`year=${year}&format=json`);
    expect(res.statusCode).toBe(200);
    expect(res.result).toMatchObject({
      year,
      from: `${year}-04-01`,
      to: `${year + 1}-03-31`,
      draft: false,
      problems: [],
    });
    expect((res.result as { rows: unknown[] }).rows).toEqual([
      expect.objectContaining({ CHILD: 'DB1003', MISSING: 'M' }),
    ]);
    const audit = await app.db.dataSource
      .query(`SELECT a.child_id, c.reference, a.changes FROM audit_events a LEFT JOIN children c ON c.id = a.child_id
      WHERE a.entity_type = 'ssda903_missing' ORDER BY a.id DESC LIMIT 2`);
    expect(audit.map((a: { reference: string | null }) => a.reference).sort()).toEqual(['H9PX', null]);
    expect(audit.find((a: { child_id: string | null }) => !a.child_id).changes).toMatchObject({
      year,
      rows: 1,
      problems: 0,
      refused: false,
    });
  });

  it("leaves out years with no episodes and other authorities' children", async () => {
    const earlier = await get(`year=${year - 3}&format=json`);
    expect((earlier.result as { rows: unknown[] }).rows).toEqual([]);
    const other = await get(`year=${year}&format=json`, 'team_manager', 'OTHER');
    expect((other.result as { rows: unknown[] }).rows).toEqual([]);
  });

  it('names the field when the year is missing or wrong, and refuses roles without returns access', async () => {
    const missing = await get('');
    expect(missing.statusCode).toBe(400);
    expect((missing.result as { message: string }).message).toContain(
      'year is required: give the year the collection year starts in, like 2025 for 2025-26',
    );
    expect((await get('year=twenty')).statusCode).toBe(400);
    expect((await get(`year=${year}&format=xml`)).statusCode).toBe(400);
    expect((await get(`year=${year}`, 'social_worker')).statusCode).toBe(403);
  });

  it("refuses a missing report dated before the child's date of birth", async () => {
    const [child] = await app.db.dataSource.query(`SELECT id FROM children WHERE reference = 'H9PX'`);
    const res = await app.server.inject({
      method: 'POST',
      url: `/api/v1/children/${child.id}/episodes`,
      payload: { kind: 'M', discoveredAt: '2005-06-01T10:00:00Z' },
      headers: bearer(await app.tokenFor('social_worker')),
    });
    expect(res.statusCode).toBe(400);
    expect(res.payload).toContain("discoveredAt cannot be before the child's date of birth");
  });

  describe('when the placement ends while the child is still missing', () => {
    beforeAll(async () => {
      await insertEpisode(app.db.dataSource, {
        childRef: 'H9PX',
        reference: 'E-PLEND',
        discoveredAt: hoursAfter(demoStart, 24 * 4),
      });
      await app.db.dataSource.query(
        `UPDATE placements SET ended_at = $1 FROM children c
        WHERE c.id = placements.child_id AND c.reference = 'H9PX' AND placements.ended_at IS NULL`,
        [hoursAfter(demoStart, 24 * 5)],
      );
    });
    afterAll(async () => {
      await app.db.dataSource.query(`DELETE FROM missing_episodes WHERE reference = 'E-PLEND'`);
      await app.db.dataSource.query(
        `UPDATE placements SET ended_at = NULL FROM children c
        WHERE c.id = placements.child_id AND c.reference = 'H9PX' AND placements.ended_at = $1`,
        [hoursAfter(demoStart, 24 * 5)],
      );
    });

    it('ends the period with the placement and carries it on from the next day, and the rules pass', async () => {
      const res = await get(`year=${year}`);
      expect(res.statusCode).toBe(200);
      expect(res.payload.split('\r\n').slice(2)).toEqual([
        `DB1003,20/02/2008,M,${ddmmyyyy(hoursAfter(demoStart, 24 * 4))},${ddmmyyyy(hoursAfter(demoStart, 24 * 5))}`,
        `DB1003,20/02/2008,M,${ddmmyyyy(hoursAfter(demoStart, 24 * 6))},`,
        '',
      ]);
    });
  });

  describe('when care began after the child went missing', () => {
    let careStarted: Date;
    beforeAll(async () => {
      [{ care_started_at: careStarted }] = await app.db.dataSource.query(
        `SELECT care_started_at FROM children WHERE reference = 'H9PX'`,
      );
      await app.db.dataSource.query(`UPDATE children SET care_started_at = $1 WHERE reference = 'H9PX'`, [
        hoursAfter(demoStart, 24 * 3),
      ]);
    });
    afterAll(async () => {
      await app.db.dataSource.query(`UPDATE children SET care_started_at = $1 WHERE reference = 'H9PX'`, [careStarted]);
    });

    it('names each broken rule by its DfE code (577, 578, 581) beside a sentence', async () => {
      const res = await get(`year=${year}&format=json`);
      expect(res.statusCode).toBe(422);
      const { problems } = res.result as { problems: { child: string; code: string; message: string }[] };
      expect(problems.map((p) => [p.child, p.code])).toEqual([
        ['H9PX', '577'],
        ['H9PX', '578'],
        ['H9PX', '581'],
      ]);
      expect(problems[2].message).toBe(
        `The missing period starting ${ddmmyyyy(demoStart)} began on a day when the child was not looked after ` +
          '(no episode of care covers it).',
      );
    });
  });

  describe('with overlapping episodes', () => {
    beforeAll(async () => {
      // The service itself cannot record an overlap (the database excludes it); records migrated from
      // an older system could still carry one, so this test removes the guard to stand in for them.
      await app.db.asOwner('ALTER TABLE missing_episodes DROP CONSTRAINT missing_episodes_no_overlap');
      await insertEpisode(app.db.dataSource, {
        childRef: 'H9PX',
        reference: 'E-OVLP',
        kind: 'A',
        discoveredAt: hoursAfter(demoStart, 1),
        returnedAt: hoursAfter(demoStart, 24 * 3),
        closedAt: hoursAfter(demoStart, 24 * 3),
      });
    });

    it('refuses the export with 422 and a readable list: child, DfE code, what to fix', async () => {
      const res = await get(`year=${year}`);
      expect(res.statusCode).toBe(422);
      const body = res.result as {
        message: string;
        problems: { child: string; code: string; message: string; fix: string }[];
      };
      expect(body.message).toMatch(
        /would fail 1 DfE validation rule\(s\)\. Fix the records listed, or ask for a draft\./,
      );
      expect(body.problems).toEqual([
        {
          child: 'H9PX',
          code: '574',
          message: expect.stringContaining('overlaps the one that ends on'),
          fix: 'Correct the dates so one period ends before the next starts.',
        },
      ]);
      const [audit] = await app.db.dataSource.query(
        `SELECT changes FROM audit_events WHERE entity_type = 'ssda903_missing' AND child_id IS NULL ORDER BY id DESC LIMIT 1`,
      );
      expect(audit.changes).toMatchObject({ refused: true, problems: 1 });
    });

    it('still gives the CSV when a draft is asked for, saying how many problems it has', async () => {
      const res = await get(`year=${year}&draft=true`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain('-draft.csv"');
      expect(res.headers['x-return-problems']).toBe('1');
      const lines = res.payload.trim().split('\r\n');
      expect(lines).toHaveLength(3);
      expect(lines[2]).toMatch(/^DB1003,20\/02\/2008,A,/);
    });
  });
});
