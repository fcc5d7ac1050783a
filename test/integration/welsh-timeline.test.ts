// An episode's timeline in the reader's language (issue 29): episodes taken through reports by text, page
// and API, updates, acknowledgements, sightings, police details, returns and their undoing, the return
// interview, closing, and the ladder's fired and skipped steps. Every line written keeps its English summary
// (the API's, unchanged) and a timeline.* key whose English is that summary; the Welsh page shows each line
// in Welsh (no English catalogue phrase, no lang="en" but on lines written before keys), the English page
// exactly the lines it showed before.
import { withStepNames } from '../../src/escalation/step-names';
import { renderTimeline, type TimelineText } from '../../src/missing/timeline-text';
import { Catalogues } from '../../src/platform/i18n/catalogue';
import { localesDir } from '../../src/platform/i18n/shipped';
import { fieldsFor } from '../../src/platform/views/date-time-fields';
import { bearer, TestApp } from '../support/app';
import { buildDeliveryTestApp, DeliveryTestApp, PUBLIC_BASE_URL } from '../support/delivery';
import { childPlaced, post, reportMissing } from '../support/escalation-fixtures';
import { FAKE_AUTH_TOKEN } from '../support/fake-twilio';
import { PageSession, pageSession } from '../support/pages';
import { textService } from '../support/twilio-sms';
import { englishLeft, expectWelsh } from '../support/welsh';

let t: DeliveryTestApp;
let app: TestApp;
let sw: PageSession;
const HOUR = 3_600_000;
const catalogues = new Catalogues(localesDir());
const episodes: Record<string, string> = {};

const text = (from: string, body: string) =>
  textService(app.server, from, body, { authToken: FAKE_AUTH_TOKEN, baseUrl: PUBLIC_BASE_URL });
const q = (sql: string, params: unknown[] = []) => app.db.dataSource.query(sql, params);
const later = async (hours: number) => {
  app.clock.advance(hours * HOUR);
  await app.services.escalation.sweep();
};
const ok = (res: { statusCode: number; payload: string }) => {
  if (res.statusCode >= 300) throw new Error(`${res.statusCode}: ${res.payload}`);
  return res;
};
const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
/** The timeline list of an episode page. */
const timelineOf = (payload: string) => /<ol class="govuk-list">([\s\S]*?)<\/ol>/.exec(payload)![1];

beforeAll(async () => {
  t = await buildDeliveryTestApp({ TOKEN_TTL_HOURS: '2160' });
  app = t.app;
  sw = await pageSession(app, 'social_worker');
});
afterAll(async () => {
  await t.close();
});

describe('an episode taken through many events', () => {
  it('reported by text, updated, acknowledged, graded, sighted, found, undone, found again, interviewed', async () => {
    expect((await text('+447700900101', 'missing')).res.statusCode).toBe(200);
    const [{ id }] = await q(
      `SELECT e.id FROM missing_episodes e JOIN children c ON c.id = e.child_id
      WHERE c.reference = 'K7Q2' AND e.closed_at IS NULL`,
    );
    episodes.byText = id;
    await app.services.dispatcher.drain();
    await text('+447700900101', 'seen at the bus stop');
    const [ack] = await q(
      `SELECT ack_code FROM notifications WHERE episode_id = $1 AND address = '+447700900201' AND ack_code IS NOT NULL
      LIMIT 1`,
      [id],
    );
    await text('+447700900201', `ACK ${ack.ack_code}`);
    ok(
      await post(
        app,
        `/api/v1/episodes/${id}/police`,
        { policeReference: 'GW-2026-0042', riskGrade: 'high', reason: 'Risg o gamfanteisio' },
        'police',
      ),
    );
    ok(
      await post(app, `/api/v1/episodes/${id}/sightings`, {
        at: app.clock.now().toISOString(),
        where: 'Heol y Frenhines',
        by: 'Dai',
        details: 'Cot goch',
      }),
    );
    await later(3);
    await later(24);
    expect((await text('+447700900101', 'found')).res.statusCode).toBe(200);
    ok(await post(app, `/api/v1/episodes/${id}/return/undo`, { reason: 'Plentyn arall' }, 'team_manager'));
    await later(1);
    ok(
      await post(app, `/api/v1/episodes/${id}/return`, {
        returnedAt: app.clock.now().toISOString(),
        where: 'Caerdydd',
        by: 'PC Jones',
      }),
    );
    ok(await post(app, `/api/v1/episodes/${id}/return-interview`, { offeredAt: app.clock.now().toISOString() }));
    await later(24);
    ok(
      await post(app, `/api/v1/episodes/${id}/return-interview`, {
        heldAt: app.clock.now().toISOString(),
        by: 'Siân',
      }),
    );
    ok(await post(app, `/api/v1/episodes/${id}/close`, { reason: 'Wedi dychwelyd yn ddiogel' }, 'team_manager'));
    await later(24 * 8);
  });

  it('reported away on the page, changed to missing, the placement ended, closed while missing', async () => {
    const child = await childPlaced(app, { trafficking: 'confirmed', daysAgo: 5 });
    const res = await sw.post(`/children/${child.id}/report-missing`, {
      kind: 'A',
      ...fieldsFor(app.clock.now(), 'Europe/London', 'discovered'),
    });
    expect(res.statusCode).toBe(303);
    const id = /\/episodes\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1];
    episodes.byPage = id;
    await later(2);
    ok(await post(app, `/api/v1/episodes/${id}/change-to-missing`, { reason: 'Ffôn wedi diffodd' }));
    await later(1);
    ok(await post(app, `/api/v1/placements/${child.placementId}/end`, { reason: 'Chwalfa' }));
    ok(await post(app, `/api/v1/episodes/${id}/close`, { reason: 'Symud i Loegr' }, 'team_manager'));
    await later(24);
  });

  it('recorded after the fact through the API', async () => {
    const child = await childPlaced(app, { trafficking: 'not_trafficked', daysAgo: 400 });
    const start = new Date(app.clock.now().getTime() - 30 * HOUR);
    const e = await reportMissing(app, child.id, {
      discoveredAt: start.toISOString(),
      returnedAt: new Date(start.getTime() + 5 * HOUR).toISOString(),
      returnedWhere: 'Abertawe',
      returnedBy: 'Modryb',
    });
    episodes.recorded = e.id;
  });
});

describe('every line written', () => {
  it('has a key whose English is its stored summary, for events and escalation runs alike', async () => {
    const en = catalogues.translator('en');
    const rows: { kind: string; type: string; summary: string; key: string | null; params: TimelineText['params'] }[] =
      await q(
        `SELECT 'event' AS kind, type, summary, summary_key AS key, summary_params AS params FROM episode_events
          WHERE episode_id = ANY($1::uuid[])
        UNION ALL SELECT 'run', outcome, summary, summary_key, summary_params FROM escalation_runs
          WHERE episode_id = ANY($1::uuid[])`,
        [Object.values(episodes)],
      );
    expect(rows.filter((r) => !r.key)).toEqual([]);
    for (const r of rows) expect(renderTimeline({ key: r.key!, params: r.params }, en, false)).toBe(r.summary);
    const kinds = new Set(rows.map((r) => `${r.kind}:${r.type}`));
    for (const kind of [
      'event:reported',
      'event:carer_update',
      'event:acknowledged',
      'event:police_informed',
      'event:sighting',
      'event:returned',
      'event:return_undone',
      'event:return_interview',
      'event:changed_to_missing',
      'event:placement_ended',
      'event:closed',
      'run:fired',
      'run:skipped',
    ])
      expect(kinds).toContain(kind);
    const keys = new Set(rows.map((r) => r.key));
    for (const key of ['timeline.returned.bySms', 'timeline.returned.recorded', 'timeline.step.fired'])
      expect(keys).toContain(key);
  });

  it('leaves the API timeline as it was: the English summary, no key', async () => {
    const res = await app.server.inject({
      url: `/api/v1/episodes/${episodes.byText}`,
      headers: bearer(await app.tokenFor('social_worker')),
    });
    const timeline = (res.result as { timeline: Record<string, unknown>[] }).timeline;
    expect(Object.keys(timeline[0]).sort()).toEqual(['at', 'by', 'repeat', 'stepKey', 'summary', 'type']);
    expect(timeline.map((l) => l.summary)).toContainEqual(
      expect.stringMatching(/^Return undone by .+: Plentyn arall\. The child is still missing; \d+ told of the return/),
    );
    expect(timeline.map((l) => l.summary)).toContainEqual(expect.stringMatching(/^Step report_police fired\. Due at/));
  });
});

describe('the episode page', () => {
  it.each(['byText', 'byPage', 'recorded'])('shows the %s timeline in Welsh, none of it marked English', async (e) => {
    const page = await sw.get(`/episodes/${episodes[e]}?lang=cy`);
    expectWelsh(page);
    expect(timelineOf(page.payload)).not.toContain('lang="en"');
    expect(englishLeft(timelineOf(page.payload))).toEqual([]);
  });

  it('reads as Welsh, with names, references and people’s own words as they are', async () => {
    const page = await sw.get(`/episodes/${episodes.byText}?lang=cy`);
    const timeline = timelineOf(page.payload);
    for (const welsh of [
      'Rhoddwyd gwybod bod y plentyn ar goll gan',
      'Diweddariad gan y gofalwr drwy neges destun: seen at the bus stop',
      'Cofnodwyd manylion yr heddlu (cyfeirnod GW-2026-0042)',
      'Gwelwyd y plentyn: Heol y Frenhines',
      'Cyfweliad dychwelyd: wedi’i gynnal (Siân).',
      'Anfonwyd cam “',
      'Dewiswyd: ',
    ])
      expect(timeline).toContain(escape(welsh));
    // A call's words stay in English (calls are not translated); the escalation steps are in Welsh.
    const steps = /Camau uwchgyfeirio<\/h2>[\s\S]*?<\/tbody>/.exec(page.payload)![0];
    expect(steps).toContain(escape('Yn ddyledus adeg yr adroddiad.'));
    expect(steps).not.toContain('lang="en"');
  });

  it('shows the English page exactly as before: each line as stored, steps by name', async () => {
    const page = await sw.get(`/episodes/${episodes.byText}?lang=en`);
    const rows: { summary: string }[] = await q(
      `SELECT summary FROM episode_events WHERE episode_id = $1
      UNION ALL SELECT summary FROM escalation_runs WHERE episode_id = $1 AND summary IS NOT NULL`,
      [episodes.byText],
    );
    const items = [...timelineOf(page.payload).matchAll(/<li><strong>[^<]*<\/strong>: ([\s\S]*?)<\/li>/g)].map(
      (m) => m[1],
    );
    expect(items.sort()).toEqual(rows.map((r) => escape(withStepNames(r.summary))).sort());
    expect(page.payload).not.toContain('lang="en">');
  });

  it('marks a line written before lines had keys as English on a Welsh page', async () => {
    await q(
      `INSERT INTO episode_events (episode_id, authority_id, at, type, summary)
      SELECT id, authority_id, $2, 'note', 'An old line written in English.' FROM missing_episodes WHERE id = $1`,
      [episodes.recorded, app.clock.now()],
    );
    const page = await sw.get(`/episodes/${episodes.recorded}?lang=cy`);
    expectWelsh(page);
    expect(timelineOf(page.payload)).toContain('<span lang="en">An old line written in English.</span>');
  });
});
