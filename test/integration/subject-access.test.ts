// Subject access (issue 28): a request for a child with its deadline (extended, paused and resumed),
// everything held about that child assembled, nothing of any other child even where they share a
// carer, a timeline or a meeting, the officer's redactions in the JSON and the PDF, corrections
// shown, and every step audited.
import { demoChildren, demoGuardians, otherBoroughChild } from '../../seeds/demo-data';
import { buildTestApp, TestApp } from '../support/app';
import { pageSession } from '../support/pages';
import { pdfText } from '../support/pdf-text';
import { apiOf, As, demoChildId } from '../support/records';

let app: TestApp;
let api: ReturnType<typeof apiOf>;
beforeAll(async () => {
  app = await buildTestApp();
  api = apiOf(app);
});
afterAll(async () => {
  await app.close();
});

const dpo: As = { role: 'data_protection_officer' };
const sql = (text: string, params: unknown[] = []) => app.db.dataSource.query(text, params);
type Section = {
  key: string;
  items: { id: string; flags: string[]; fields: Record<string, unknown>; redacted?: string }[];
};
type Sar = { id: string; deadline: string; paused: boolean; daysPaused: number; status: string };

/** Every way the other children could be named: names, references, local ids, record ids. */
async function otherChildWords(subject: string): Promise<string[]> {
  const rows = await sql('SELECT id, reference FROM children WHERE reference <> $1', [subject]);
  const others = [...demoChildren.filter((c) => c.reference !== subject), otherBoroughChild];
  return [
    ...rows.flatMap((r: { id: string; reference: string }) => [r.id, r.reference]),
    ...others.flatMap((c) => [c.firstNames, c.lastName, c.localId]),
    ...Object.entries(demoGuardians)
      .filter(([ref]) => ref !== subject)
      .map(([, g]) => g.name),
  ];
}

let sarId: string;
let k7q2: string;

it('records a request with its deadline: one calendar month, extended, paused and resumed', async () => {
  k7q2 = await demoChildId(app, 'K7Q2');
  const created = await api(
    'POST',
    '/api/v1/subject-access-requests',
    { childId: k7q2, requester: 'The young person', receivedOn: '2026-10-31' },
    dpo,
  );
  expect(created.statusCode).toBe(201);
  const sar = created.result as Sar;
  sarId = sar.id;
  // 31 October + one month: there is no 31 November, so the last day of November.
  expect(sar).toMatchObject({ deadline: '2026-11-30', paused: false, status: 'open' });
  const extended = await api(
    'POST',
    `/api/v1/subject-access-requests/${sarId}/extend`,
    { months: 2, reason: 'Many records' },
    dpo,
  );
  expect(extended.result).toMatchObject({ deadline: '2027-01-31', extensionMonths: 2 });
  const paused = await api(
    'POST',
    `/api/v1/subject-access-requests/${sarId}/pause`,
    { reason: 'Asked which years she means', on: '2026-11-20' },
    dpo,
  );
  expect(paused.result).toMatchObject({ paused: true, status: 'paused', daysPaused: 3, deadline: '2027-02-03' });
  const listPage = await (await pageSession(app, 'data_protection_officer')).get('/admin/subject-access');
  expect(listPage.payload).toMatch(/Paused since 20 November 2026/);
  app.clock.advanceHours(24 * 5);
  const resumed = await api('POST', `/api/v1/subject-access-requests/${sarId}/resume`, {}, dpo);
  expect(resumed.result).toMatchObject({ paused: false, daysPaused: 8, deadline: '2027-02-08', status: 'open' });
  const again = await api('POST', `/api/v1/subject-access-requests/${sarId}/resume`, {}, dpo);
  expect(again.statusCode).toBe(409);
  const future = await api(
    'POST',
    '/api/v1/subject-access-requests',
    { childId: k7q2, requester: 'X', receivedOn: '2027-06-01' },
    dpo,
  );
  expect(future.statusCode).toBe(400);
  expect((await api('GET', `/api/v1/subject-access-requests/${sarId}`)).statusCode).toBe(403);
});

it('assembles every kind of record of the child and nothing of another, even where they share things', async () => {
  const m4rt = await demoChildId(app, 'M4RT');
  // Shared things: an episode timeline naming another child, a text naming two, one meeting reviewing both.
  const episode = await api('POST', `/api/v1/children/${k7q2}/episodes`, {
    kind: 'M',
    discoveredAt: app.clock.now().toISOString(),
  });
  const episodeId = (episode.result as { id: string }).id;
  await api('POST', `/api/v1/episodes/${episodeId}/sightings`, {
    at: app.clock.now().toISOString(),
    where: 'Station, with Bao Sample (M4RT, DB1002)',
  });
  await api('POST', `/api/v1/episodes/${episodeId}/police`, {
    policeReference: 'CAD-77',
    riskGrade: 'high',
    reason: 'Seen with Dritan',
  });
  await app.services.dispatcher.drain();
  const [demo] = await sql("SELECT id FROM local_authorities WHERE code = 'DEMO'");
  await sql(
    `INSERT INTO inbound_messages (message_sid, authority_id, from_number, body, received_at, command, outcome, child_id,
       reply) VALUES ('SMsar1', $1, '+447700900101', 'K7Q2 and M4RT went out with Bao and H9PX', $2, 'update',
       'recorded', $3, 'Thanks')`,
    [demo.id, app.clock.now(), k7q2],
  );
  const [meeting] = await sql('SELECT id FROM group_meetings WHERE authority_id = $1 LIMIT 1', [demo.id]);
  for (const [child, decision] of [
    [k7q2, 'Keep the plan for K7Q2'],
    [m4rt, 'Move Bao Sample (M4RT) to a new placement'],
  ])
    await sql(
      `INSERT INTO group_reviews (authority_id, meeting_id, child_id, decision, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [demo.id, meeting.id, child, decision, app.clock.now()],
    );
  const corrected = await api(
    'POST',
    `/api/v1/children/${k7q2}/corrections`,
    { changes: { nationality: 'Ethiopian' }, reason: 'Passport seen by the social worker' },
    dpo,
  );
  expect(corrected.statusCode).toBe(200);
  // Someone of another authority tries to open the child's record: the child's own authority's trail has it.
  expect((await api('GET', `/api/v1/children/${k7q2}`, undefined, { authority: 'OTHER' })).statusCode).toBe(404);

  const res = await api('GET', `/api/v1/subject-access-requests/${sarId}/export?format=json`, undefined, dpo);
  expect(res.statusCode).toBe(200);
  const doc = res.result as { sections: Section[] };
  const sections = Object.fromEntries(doc.sections.map((s) => [s.key, s.items]));
  for (const key of [
    'child',
    'corrections',
    'placements',
    'guardians',
    'plans',
    'profile',
    'photographs',
    'assessments',
    'nrm',
    'episodes',
    'timeline',
    'risk_grades',
    'messages',
    'inbound_texts',
    'meetings',
    'audit',
  ])
    expect([key, sections[key]?.length > 0]).toEqual([key, true]);
  expect(sections.child[0].fields).toMatchObject({ first_names: 'Amira', nationality: 'Ethiopian' });
  expect(sections.corrections[0].fields).toMatchObject({
    field: 'nationality',
    old_value: 'Eritrean',
    new_value: 'Ethiopian',
    reason: 'Passport seen by the social worker',
  });
  expect(sections.meetings).toHaveLength(1);
  expect(sections.audit.filter((i) => i.fields.action === 'refused').map((i) => i.fields)).toEqual([
    expect.objectContaining({ entity_type: 'child', actor_role: 'social_worker', actor_organisation: 'Other Borough' }),
  ]);
  expect(sections.episodes[0].flags).toContain('police_information');
  const text = JSON.stringify(doc);
  expect(text).toContain('[another child]');
  expect(text).toContain('K7Q2');
  for (const word of await otherChildWords('K7Q2')) expect([word, text.includes(word)]).toEqual([word, false]);
});

it('applies the redactions marked, in the JSON and in the PDF, and audits every step', async () => {
  const before = (await api('GET', `/api/v1/subject-access-requests/${sarId}`, undefined, dpo)).result as {
    sections: Section[];
  };
  const timeline = before.sections.find((s) => s.key === 'timeline')!.items;
  const police = timeline.find((i) => JSON.stringify(i.fields).includes('CAD-77'))!;
  const episode = before.sections.find((s) => s.key === 'episodes')!.items[0];
  expect(episode.flags).toContain('police_information');
  const marks = [
    { section: '*', itemId: '*', reason: 'carer_contact' },
    { section: 'timeline', itemId: police.id, reason: 'police_information' },
    { section: 'episodes', itemId: episode.id, field: 'police_reference', reason: 'police_information' },
    { section: 'child', itemId: k7q2, field: 'arrival_port', reason: 'third_party' },
  ];
  for (const m of marks)
    expect((await api('POST', `/api/v1/subject-access-requests/${sarId}/redactions`, m, dpo)).statusCode).toBe(200);
  const bad = await api(
    'POST',
    `/api/v1/subject-access-requests/${sarId}/redactions`,
    { section: 'child', itemId: '*', reason: 'other_child' },
    dpo,
  );
  expect(bad.statusCode).toBe(400);

  const json = (await api('GET', `/api/v1/subject-access-requests/${sarId}/export?format=json`, undefined, dpo))
    .result as { sections: Section[] };
  const text = JSON.stringify(json);
  expect(text).not.toContain('+447700900101'); // the carer's mobile (placements, texts, messages)
  expect(text).not.toContain('CAD-77');
  expect(text).not.toContain('Heathrow');
  expect(text).toContain('[redacted: carer contact]');
  const pdfRes = await api('GET', `/api/v1/subject-access-requests/${sarId}/export?format=pdf`, undefined, dpo);
  expect(pdfRes.headers['content-type']).toBe('application/pdf');
  const pdf = pdfText(pdfRes.rawPayload);
  expect(pdf).toContain('Amira');
  expect(pdf).toContain('[redacted: carer contact]');
  expect(pdf).toContain('[redacted: police information]');
  for (const hidden of ['+447700900101', 'CAD-77', 'Heathrow', ...(await otherChildWords('K7Q2'))])
    expect([hidden, pdf.includes(hidden)]).toEqual([hidden, false]);

  const lines = await sql(
    `SELECT action, changes->>'format' AS format FROM audit_events
      WHERE entity_type = 'subject_access_request' AND entity_id = $1 ORDER BY id`,
    [sarId],
  );
  const actions = lines.map(
    (l: { action: string; format: string | null }) => l.action + (l.format ? `:${l.format}` : ''),
  );
  expect(actions).toEqual(
    expect.arrayContaining(['create', 'extend', 'pause', 'resume', 'read', 'redact', 'export:json', 'export:pdf']),
  );
  const [{ child_id: childId }] = await sql(
    "SELECT child_id FROM audit_events WHERE entity_id = $1 AND action = 'export' LIMIT 1",
    [sarId],
  );
  expect(childId).toBe(k7q2);
});

it('shows the officer the request, its redactions and exports on pages', async () => {
  const page = await pageSession(app, 'data_protection_officer');
  const request = await page.get(`/admin/subject-access/${sarId}`);
  expect(request.statusCode).toBe(200);
  expect(request.payload).toContain('Download PDF');
  expect(request.payload).toContain('Police information');
  const pdf = await page.get(`/admin/subject-access/${sarId}/export.pdf`);
  expect(pdf.headers['content-type']).toBe('application/pdf');
  for (const path of ['/admin/retention', '/admin/legal-holds', '/admin'])
    expect([path, (await page.get(path)).statusCode]).toEqual([path, 200]);
  expect((await page.get('/admin')).payload).toContain('Subject access requests');
  expect((await app.server.inject('/privacy')).payload).toMatch(/75th birthday[\s\S]*one calendar month/);
});

it('lets two people decide a review item on the pages, and refuses the same person twice', async () => {
  const [item] = await sql("SELECT id FROM retention_reviews WHERE kind = 'inbound_texts' AND status = 'due' LIMIT 1");
  const officer = await pageSession(app, 'data_protection_officer');
  const path = `/admin/retention/reviews/${item.id}`;
  expect((await officer.get(path)).payload).toContain('Texts received');
  expect(
    (await officer.post(path, { decision: 'ask', reason: 'Two years old', crumb: officer.crumb })).statusCode,
  ).toBe(303);
  const self = await officer.post(path, { decision: 'approve', reason: '', crumb: officer.crumb });
  expect(self.statusCode).toBe(400);
  expect(self.payload).toContain('A different person must approve');
  const head = await pageSession(app, 'senior_manager');
  expect((await head.post(path, { decision: 'approve', reason: '', crumb: head.crumb })).statusCode).toBe(303);
  expect((await head.get('/admin/retention')).payload).toContain('Hari Head-of-Service');
  expect((await officer.get('/admin/legal-holds/new')).statusCode).toBe(200);
  expect((await officer.get('/admin/legal-holds')).payload).toContain('Police investigation');
});
