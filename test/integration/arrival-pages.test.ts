// Port arrival intake (/arrivals/new): every section through the pages as the duty social worker,
// the draft resumed after a "dropped connection" (a new session), check your answers, the arrival
// recorded in one transaction, the police and the guardian service told by SMS and email with the
// reference and the port and never the name; refused to roles that may not register children.
import sharp from 'sharp';

import { fieldsFor } from '../../src/platform/views/date-time-fields';
import { buildTestApp, TestApp } from '../support/app';
import { PageSession, pageSession, uploadPhoto } from '../support/pages';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const q = (sql: string, params: unknown[] = []) => app.db.dataSource.query(sql, params);
const now = (prefix: string) => fieldsFor(app.clock.now(), 'Europe/London', prefix);
const todayFields = (prefix: string) => {
  const { [`${prefix}Time`]: _t, ...date } = now(prefix);
  return date;
};
const NAME = 'Zaraqel';

const sections = () => ({
  child: {
    firstNames: NAME,
    lastName: 'Tessaroy',
    aliases: 'Zara, Z. Tessaroi',
    estimatedAge: '15',
    ageDisputed: 'yes',
    sex: '2',
    nationality: 'Albanian',
    firstLanguage: 'Albanian',
    interpreterNeeded: 'yes',
  },
  arrival: {
    port: 'Gatwick Airport',
    ...now('arrived'),
    identifiedBy: 'border_referral',
    uasc: 'yes',
    traffickingStatus: 'suspected',
  },
  indicators: { indicators: ['false_or_altered_documents', 'phone_number_sewn_into_clothing'], indicatorNotes: '' },
  plan: {
    measures: ['photograph_on_file', 'biometrics_taken_at_port'],
    agreedBy: 'Duty team manager',
    reviewDay: '1',
    reviewMonth: '1',
    reviewYear: String(new Date(app.clock.now()).getUTCFullYear() + 1),
    bedCheckTimes: '23:00, 02:00, 06:00',
    bedCheckDays: '3',
    planNotes: '',
  },
  placement: {
    type: 'foster',
    provider: 'Port fostering',
    address: '7 Harbour Row',
    ...now('started'),
    carerName: 'Nell Carer',
    carerMobile: '07700 900555',
    carerEmail: '',
  },
  referrals: {
    ictgOrganisation: 'ICTG service',
    ictgName: '',
    ictgMobile: '07700 900556',
    ictgEmail: 'ictg@example.org',
    ...todayFields('ictgReferred'),
    ...todayFields('nrmReferred'),
    nrmFirstResponder: 'Demo Borough',
    nrmReference: '',
    nrmDecisionMaker: 'single_competent_authority',
  },
});

const uploadArrivalPhoto = (session: PageSession, bytes: Buffer) =>
  uploadPhoto(app, session, '/arrivals/new/photo', { name: 'p.png', type: 'image/png', bytes });

it('records an arrival through the pages, resumes the draft, and tells police and the guardian service', async () => {
  // A guardian service contact of the authority, as an administrator would add it.
  const [{ id: authorityId }] = await q("SELECT id FROM local_authorities WHERE code = 'DEMO'");
  await q(
    `INSERT INTO contacts (authority_id, name, organisation, role, mobile, email, active, created_at, updated_at)
    VALUES ($1, 'Guardian service duty line', 'ICTG', 'guardian_service', '+447700900557', NULL, true, now(), now())`,
    [authorityId],
  );
  const s = sections();
  let sw = await pageSession(app, 'social_worker');
  const start = await sw.get('/arrivals/new');
  expect(start.statusCode).toBe(200);
  expect(start.payload).toContain('Record a child’s arrival at a port');

  // A bad section re-renders with the GOV.UK error summary, saving nothing.
  const bad = await sw.post('/arrivals/new/child', { ...s.child, firstNames: '', sex: '' });
  expect(bad.statusCode).toBe(400);
  expect(bad.payload).toContain('govuk-error-summary');
  expect(bad.payload).toContain('Enter the first names they give');
  expect(bad.payload).toContain('Select their sex');

  const child = await sw.post('/arrivals/new/child', s.child);
  expect(child.statusCode).toBe(303);
  expect(child.headers.location).toBe('/arrivals/new/arrival');
  expect((await sw.post('/arrivals/new/arrival', s.arrival)).headers.location).toBe('/arrivals/new/indicators');

  // The connection drops: a new sign-in finds the draft where it was left.
  sw = await pageSession(app, 'social_worker');
  const resumed = await sw.get('/arrivals/new');
  expect(resumed.payload).toContain('You are carrying on the arrival you started');
  expect((await sw.get('/arrivals/new/child')).payload).toContain(`value="${NAME}"`);
  // Another social worker's session sees no draft of theirs.
  const other = await pageSession(app, 'team_manager');
  expect((await other.get('/arrivals/new')).payload).not.toContain('You are carrying on');

  expect((await sw.post('/arrivals/new/indicators', s.indicators)).headers.location).toBe('/arrivals/new/photo');
  const png = await sharp({ create: { width: 4, height: 6, channels: 3, background: '#336699' } })
    .png()
    .toBuffer();
  expect((await uploadArrivalPhoto(sw, Buffer.from('not an image'))).statusCode).toBe(400);
  expect((await uploadArrivalPhoto(sw, png)).headers.location).toBe('/arrivals/new/plan');
  const planForm = await sw.get('/arrivals/new/plan');
  expect(planForm.payload).toContain('value="23:00, 02:00, 06:00"'); // bed checks proposed
  expect((await sw.post('/arrivals/new/plan', s.plan)).headers.location).toBe('/arrivals/new/placement');
  const noMobile = await sw.post('/arrivals/new/placement', { ...s.placement, carerMobile: '' });
  expect(noMobile.payload).toContain('Enter the carer’s mobile number');
  expect((await sw.post('/arrivals/new/placement', s.placement)).headers.location).toBe('/arrivals/new/referrals');
  expect((await sw.post('/arrivals/new/referrals', s.referrals)).headers.location).toBe('/arrivals/new');

  const check = await sw.get('/arrivals/new/check');
  expect(check.statusCode).toBe(200);
  expect(check.payload).toContain('Gatwick Airport');
  expect(check.payload).toContain('Phone number sewn into clothing');
  expect(check.payload).toContain('23:00, 02:00, 06:00 for 3 days');

  const recorded = await sw.post('/arrivals/new/check', {});
  expect(recorded.statusCode).toBe(303);
  const childId = /\/arrivals\/([0-9a-f-]+)\/recorded/.exec(String(recorded.headers.location))![1];
  const done = await sw.get(String(recorded.headers.location));
  const [row] = await q('SELECT * FROM children WHERE id = $1', [childId]);
  expect(done.payload).toContain(row.reference);
  expect(row).toMatchObject({
    first_names: NAME,
    aliases: ['Zara', 'Z. Tessaroi'],
    dob_estimated: true,
    age_disputed: true,
    interpreter_needed: true,
    arrival_port: 'Gatwick Airport',
    identified_by: 'border_referral',
    trafficking_status: 'suspected',
    uasc: true,
  });
  const [plan] = await q('SELECT risk_of_missing, bed_checks FROM safeguarding_plans WHERE child_id = $1', [childId]);
  expect(plan).toEqual({ risk_of_missing: 'high', bed_checks: { times: ['23:00', '02:00', '06:00'], days: 3 } });
  const counts = await q(
    `SELECT (SELECT count(*) FROM placements WHERE child_id = $1)::int AS placements,
      (SELECT count(*) FROM placement_carers pc JOIN placements p ON p.id = pc.placement_id
        WHERE p.child_id = $1 AND pc.mobile = '+447700900555')::int AS carers,
      (SELECT count(*) FROM guardians WHERE child_id = $1 AND kind = 'ictg_direct_worker')::int AS guardians,
      (SELECT count(*) FROM nrm_referrals WHERE child_id = $1)::int AS nrm,
      (SELECT count(*) FROM trafficking_assessments WHERE child_id = $1)::int AS assessments,
      (SELECT count(*) FROM missing_profile_photos WHERE child_id = $1)::int AS photos,
      (SELECT count(*) FROM arrival_drafts)::int AS drafts`,
    [childId],
  );
  expect(counts[0]).toEqual({ placements: 1, carers: 1, guardians: 1, nrm: 1, assessments: 1, photos: 1, drafts: 0 });

  // The police (control room by SMS and email) and the guardian service (contact and the referral) are told.
  await app.services.dispatcher.drain();
  const sent = await q(
    `SELECT channel, recipient_type, address, body_text FROM notifications
    WHERE template = 'arrival-notice' AND data->>'childRef' = $1 ORDER BY address`,
    [row.reference],
  );
  const addresses = sent.map((n: { address: string }) => n.address);
  expect(addresses).toEqual(
    expect.arrayContaining(['+447700900201', 'police@example.org', '+447700900557', '+447700900556']),
  );
  for (const n of sent) {
    expect(n.body_text).toContain(row.reference);
    expect(n.body_text).toContain('Gatwick Airport');
    expect(n.body_text).not.toMatch(/Zaraqel|Tessaroy|Harbour Row/);
  }
  const sms = sent.filter((n: { channel: string }) => n.channel === 'sms');
  expect(sms.length).toBeGreaterThanOrEqual(3);
  for (const n of sms) expect(n.body_text.length).toBeLessThanOrEqual(160);

  // The task list starts afresh.
  expect((await sw.get('/arrivals/new')).payload).not.toContain('You are carrying on');
});

it('records an arrival placed in our own area with a second carer; a half-given second carer is refused', async () => {
  const s = sections();
  const sw = await pageSession(app, 'team_manager');
  for (const key of ['child', 'arrival', 'indicators', 'plan'] as const)
    expect((await sw.post(`/arrivals/new/${key}`, s[key])).statusCode).toBe(303);
  const half = await sw.post('/arrivals/new/placement', {
    ...s.placement,
    carer2Name: 'Omar Second',
    carer2Mobile: '',
  });
  expect(half.statusCode).toBe(400);
  expect(half.payload).toContain('Enter the second carer’s mobile number');
  const noName = await sw.post('/arrivals/new/placement', {
    ...s.placement,
    carer2Name: '',
    carer2Mobile: '07700 900571',
  });
  expect(noName.payload).toContain('Enter the second carer’s name');
  const second = { carerMobile: '07700 900570', carer2Name: 'Omar Second', carer2Mobile: '07700 900571' };
  expect((await sw.post('/arrivals/new/placement', { ...s.placement, ...second })).statusCode).toBe(303);
  expect((await sw.post('/arrivals/new/referrals', s.referrals)).statusCode).toBe(303);
  const check = await sw.get('/arrivals/new/check');
  expect(check.payload).toContain('Second carer');
  expect(check.payload).toContain('Omar Second');
  const recorded = await sw.post('/arrivals/new/check', {});
  expect(recorded.statusCode).toBe(303);
  const childId = /\/arrivals\/([0-9a-f-]+)\/recorded/.exec(String(recorded.headers.location))![1];
  const placed = await q(
    `SELECT p.host_authority_id, p.host_name, p.police_force_code, array_agg(pc.mobile ORDER BY pc.mobile) AS mobiles
    FROM placements p JOIN placement_carers pc ON pc.placement_id = p.id WHERE p.child_id = $1 GROUP BY p.id`,
    [childId],
  );
  expect(placed).toEqual([
    { host_authority_id: null, host_name: null, police_force_code: null, mobiles: ['+447700900570', '+447700900571'] },
  ]);
});

it('sends an incomplete arrival back to its sections from the check page', async () => {
  const sw = await pageSession(app, 'senior_manager');
  await sw.post('/arrivals/new/child', sections().child);
  const check = await sw.get('/arrivals/new/check');
  expect(check.statusCode).toBe(400);
  expect(check.payload).toContain('govuk-error-summary');
  expect(check.payload).toContain('href="/arrivals/new/placement"');
  expect((await sw.post('/arrivals/new/check', {})).statusCode).toBe(400);
  expect((await sw.post('/arrivals/new/discard', {})).statusCode).toBe(303);
  expect((await sw.get('/arrivals/new')).payload).not.toContain('You are carrying on');
});

it.each(['carer', 'police', 'group_member', 'guardian', 'administrator'] as const)(
  'refuses the arrival pages to a %s',
  async (role) => {
    const session = await pageSession(app, role);
    expect((await session.get('/arrivals/new')).statusCode).toBe(403);
    expect((await session.post('/arrivals/new/child', sections().child)).statusCode).toBe(403);
  },
);

it('answers a photograph past the upload limit with the page and a sentence (413), not an error', async () => {
  const sw = await pageSession(app, 'social_worker');
  const res = await uploadArrivalPhoto(sw, Buffer.alloc(6 * 1024 * 1024, 1));
  expect(res.statusCode).toBe(413);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  expect(res.payload).toContain('The photograph must be smaller than 5 MB.');
});
