// The port arrival intake and the forms of a child's record in Welsh (issue 29): each page asked for in
// Welsh is marked lang="cy" and shows none of its English catalogue strings, and so does each form sent
// back with errors (the validation messages in Welsh); the intake walked in Welsh through to "recorded".
import sharp from 'sharp';

import { fieldsFor } from '../../src/platform/views/date-time-fields';
import { buildTestApp, TestApp } from '../support/app';
import { PageSession, pageSession, uploadPhoto } from '../support/pages';
import { demoChildId } from '../support/records';
import { expectWelsh } from '../support/welsh';

let app: TestApp;
let sw: PageSession;
const now = (prefix: string) => fieldsFor(app.clock.now(), 'Europe/London', prefix);
const dateOnly = (prefix: string) => {
  const { [`${prefix}Time`]: _t, ...date } = now(prefix);
  return date;
};
const text = (payload: string) =>
  payload
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

beforeAll(async () => {
  app = await buildTestApp();
  sw = await pageSession(app, 'social_worker');
  // The social worker chooses Welsh once: remembered as their own choice for every page after.
  expectWelsh(await sw.get('/?lang=cy'));
});
afterAll(async () => {
  await app.close();
});

const uploadArrivalPhoto = (session: PageSession, bytes: Buffer) =>
  uploadPhoto(app, session, '/arrivals/new/photo', { name: 'p.png', type: 'image/png', bytes });

describe('the port arrival in Welsh', () => {
  const sections = () => ({
    child: { firstNames: 'Eiriolwen', lastName: 'Tessaroy', estimatedAge: '15', sex: '2' },
    arrival: { port: 'Maes Awyr Caerdydd', ...now('arrived'), identifiedBy: 'police', traffickingStatus: 'suspected' },
    indicators: { indicators: ['debt_bondage'], indicatorNotes: '' },
    plan: {
      measures: ['photograph_on_file'],
      agreedBy: 'Rheolwr y tîm',
      reviewDay: '1',
      reviewMonth: '1',
      reviewYear: String(new Date(app.clock.now()).getUTCFullYear() + 1),
      bedCheckTimes: '23:00, 02:00',
      bedCheckDays: '2',
    },
    placement: {
      type: 'foster',
      provider: 'Maethu Porthladd',
      address: '3 Stryd yr Harbwr',
      ...now('started'),
      carerName: 'Nia Gofalwr',
      carerMobile: '07700 900611',
      carer2Name: 'Ifan Gofalwr',
      carer2Mobile: '07700 900612',
    },
    referrals: {
      ictgOrganisation: 'Gwasanaeth gwarcheidwaid',
      ...dateOnly('ictgReferred'),
      ...dateOnly('nrmReferred'),
      nrmFirstResponder: 'Cyngor Demo',
      nrmDecisionMaker: 'devolved_panel',
    },
  });

  // Each section with answers it refuses, and a Welsh message it must show for them.
  const refused: Record<string, [Record<string, string>, string[]]> = {
    child: [
      { firstNames: '', sex: '', estimatedAge: '40', dobDay: '31', dobMonth: '2', dobYear: '2099' },
      [
        "Rhowch yr enwau cyntaf y mae'r plentyn yn eu rhoi",
        "Dewiswch ryw'r plentyn",
        "Rhaid i'r oedran amcangyfrifedig",
      ],
    ],
    arrival: [
      { port: '', arrivedDay: '', arrivedTime: '25:00', identifiedBy: '' },
      ["Rhowch y maes awyr neu'r porthladd", 'Rhowch y diwrnod pan gafodd y plentyn ei adnabod', 'Dewiswch sut cafodd'],
    ],
    indicators: [{ indicators: 'nonsense' }, ["Dewiswch arwyddion o'r rhestr"]],
    plan: [
      { measures: 'nonsense', agreedBy: '', reviewDay: '' },
      ["Dewiswch fesurau o'r rhestr", 'Rhowch bwy gytunodd ar y cynllun', "pan fydd angen adolygu'r cynllun"],
    ],
    placement: [
      { type: '', provider: '', address: '', carerName: '', carerMobile: '123', carerEmail: 'not-an-email' },
      ['Rhowch rif ffôn symudol y gofalwr fel 07700 900101', 'yn y fformat cywir', 'Dewiswch y math o leoliad'],
    ],
    referrals: [
      { ictgOrganisation: '', ictgMobile: 'x', ictgReferredDay: '', nrmFirstResponder: '', nrmDecisionMaker: '' },
      [
        'Rhowch y gwasanaeth gwarcheidwaid',
        "Dewiswch bwy sy'n gwneud y penderfyniadau NRM",
        'Rhowch y diwrnod y gwnaed',
      ],
    ],
  };

  it('walks the intake in Welsh, each page and each refusal in Welsh, through to the arrival recorded', async () => {
    const start = await sw.get('/arrivals/new');
    expectWelsh(start);
    expect(text(start.payload)).toContain('Cofnodi plentyn yn cyrraedd porthladd');
    expect(start.payload).toContain('Heb ei gwblhau');

    // Asked for before any section is done, the check page names each section to complete, in Welsh.
    const early = await sw.get('/arrivals/new/check');
    expectWelsh(early, 400);
    expect(early.payload).toContain('Llenwch yr adran “Cynllun amddiffyn cyntaf”');

    const s = sections();
    for (const key of ['child', 'arrival', 'indicators', 'plan', 'placement', 'referrals'] as const) {
      const form = await sw.get(`/arrivals/new/${key}`);
      expectWelsh(form);
      expect(form.payload).toContain('Cadw a pharhau');
      const [bad, messages] = refused[key];
      const refusedPage = await sw.post(`/arrivals/new/${key}`, { ...s[key], ...bad });
      expectWelsh(refusedPage, 400);
      expect(refusedPage.payload).toContain('Mae problem wedi codi');
      // Each field's message is prefixed for screen readers in Welsh too, not GOV.UK's default "Error:".
      expect(refusedPage.payload).toContain('<span class="govuk-visually-hidden">Gwall:</span>');
      expect(refusedPage.payload).not.toContain('Error:</span>');
      for (const m of messages) expect(text(refusedPage.payload)).toContain(m);
      expect((await sw.post(`/arrivals/new/${key}`, s[key])).statusCode).toBe(303);
      if (key === 'indicators') {
        const photo = await sw.get('/arrivals/new/photo');
        expectWelsh(photo);
        expect(photo.payload).toContain('Uwchlwytho a pharhau');
        const notImage = await uploadArrivalPhoto(sw, Buffer.from('not an image'));
        expectWelsh(notImage, 400);
        expect(text(notImage.payload)).toContain("Rhaid i'r ffeil fod yn ffotograff");
        const png = await sharp({ create: { width: 4, height: 6, channels: 3, background: '#336699' } })
          .png()
          .toBuffer();
        expect((await uploadArrivalPhoto(sw, png)).statusCode).toBe(303);
        expectWelsh(await sw.get('/arrivals/new/photo'));
      }
    }

    const resumed = await sw.get('/arrivals/new');
    expectWelsh(resumed);
    expect(text(resumed.payload)).toContain("Rydych chi'n parhau â'r cofnod cyrraedd");
    expect(text(resumed.payload)).toContain("Wedi'i gwblhau");

    const check = await sw.get('/arrivals/new/check');
    expectWelsh(check);
    for (const welsh of [
      'Maes Awyr Caerdydd',
      'Caethiwed dyled',
      '23:00, 02:00 am 2 diwrnod',
      'Panel lleol datganoledig',
    ])
      expect(text(check.payload)).toContain(welsh);

    const recorded = await sw.post('/arrivals/new/check', {});
    expect(recorded.statusCode).toBe(303);
    const done = await sw.get(String(recorded.headers.location));
    expectWelsh(done);
    expect(text(done.payload)).toContain("Cyrraedd wedi'i gofnodi");
    expect(done.payload).toContain('AR GOLL');
  });
});

describe("the forms of a child's record in Welsh", () => {
  const q = (sql: string, params: unknown[] = []) => app.db.dataSource.query(sql, params);
  let childId: string;
  let newChildId: string;
  beforeAll(async () => {
    childId = await demoChildId(app, 'K7Q2');
  });

  /** The form in Welsh, then sent back with errors in Welsh naming each of `messages`. */
  async function welshForm(url: string, bad: Record<string, string | string[]>, messages: string[], session = sw) {
    const form = await session.get(url);
    expectWelsh(form);
    const refused = await session.post(url, bad);
    expectWelsh(refused, 400);
    expect(refused.payload).toContain('Mae problem wedi codi');
    expect(refused.payload).not.toContain('Error:</span>');
    for (const m of messages) expect(text(refused.payload)).toContain(m);
    return form;
  }

  it('adds a child and changes their details in Welsh', async () => {
    const form = await welshForm(
      '/children/new',
      { firstNames: '', lastName: '', localId: 'a b', sex: '', traffickingStatus: '', dobDay: '' },
      [
        'Rhowch enwau cyntaf y plentyn',
        "Rhowch gyfenw'r plentyn",
        'Dim ond llythrennau, digidau a chysylltnodau',
        'Rhowch y diwrnod geni',
        'Dewiswch y statws masnachu',
      ],
    );
    expect(text(form.payload)).toContain('Ychwanegu plentyn');
    const added = await sw.post('/children/new', {
      firstNames: 'Gwenllian',
      lastName: 'Porrith',
      dobDay: '3',
      dobMonth: '4',
      dobYear: '2011',
      sex: '2',
      traffickingStatus: 'suspected',
    });
    expect(added.statusCode).toBe(303);
    newChildId = String(added.headers.location).split('/').pop()!;
    const edit = await welshForm(
      `/children/${childId}/edit`,
      { firstNames: '', lastName: 'X', dobDay: '31', dobMonth: '2', dobYear: '2011', traffickingStatus: 'suspected' },
      ['Rhowch enwau cyntaf y plentyn'],
    );
    expect(text(edit.payload)).toContain("Cadw'r manylion");
  });

  it('saves a plan version, adds and changes a guardian in Welsh', async () => {
    const plan = await welshForm(
      `/children/${newChildId}/plans/new`,
      {
        riskOfMissing: '',
        measures: ['nonsense'],
        agreedBy: '',
        agreedDay: '',
        bedCheckTimes: '9pm',
        bedCheckDays: '3',
      },
      ['Dewiswch y risg o fynd ar goll', "Dewiswch fesurau o'r rhestr", 'Rhowch bwy gytunodd ar y cynllun'],
    );
    expect(text(plan.payload)).toContain("Cadw'r cynllun");
    // Bed check times the service cannot read: a sentence from the form's own rules, in Welsh.
    const times = await sw.post(`/children/${newChildId}/plans/new`, {
      riskOfMissing: 'high',
      agreedBy: 'Rheolwr',
      ...dateOnly('agreed'),
      reviewDay: '1',
      reviewMonth: '1',
      reviewYear: String(new Date(app.clock.now()).getUTCFullYear() + 1),
      bedCheckTimes: '9pm',
      bedCheckDays: '3',
    });
    expectWelsh(times, 400);
    expect(text(times.payload)).toContain('Rhowch amseroedd gwirio gwely fel 23:00');

    await welshForm(
      `/children/${childId}/guardians/new`,
      {
        kind: '',
        name: '',
        mobile: '12',
        email: 'nope',
        allocatedDay: '31',
        allocatedMonth: '2',
        allocatedYear: '2026',
      },
      [
        'Dewiswch y math o warcheidwad',
        "Rhowch enw'r gwarcheidwad",
        'Rhowch rif ffôn symudol fel',
        'Rhowch gyfeiriad e-bost yn y fformat cywir',
      ],
    );
    const [guardian] = await q('SELECT id, kind FROM guardians WHERE child_id = $1 LIMIT 1', [childId]);
    const edit = await welshForm(`/guardians/${guardian.id}/edit`, { kind: guardian.kind, name: '' }, [
      "Rhowch enw'r gwarcheidwad",
    ]);
    expect(text(edit.payload)).toContain("Newid gwarcheidwad neu ddod â'i rôl i ben");
  });

  it('records an NRM referral, its decisions and a trafficking assessment in Welsh', async () => {
    await welshForm(
      `/children/${childId}/nrm-referrals/new`,
      { referredDay: '', firstResponder: '', decisionMaker: '' },
      [
        'Rhowch y diwrnod y gwnaed yr atgyfeiriad',
        'Rhowch y sefydliad ymatebwr cyntaf',
        "Dewiswch bwy sy'n gwneud y penderfyniadau",
      ],
    );
    const saved = await sw.post(`/children/${childId}/nrm-referrals/new`, {
      ...dateOnly('referred'),
      firstResponder: 'Tîm y porthladd',
      decisionMaker: 'devolved_panel',
    });
    expect(saved.statusCode).toBe(303);
    const [referral] = await q("SELECT id FROM nrm_referrals WHERE first_responder = 'Tîm y porthladd'");
    const decisions = await welshForm(
      `/nrm-referrals/${referral.id}/decisions`,
      { rgDecision: 'positive', cgDecision: '' },
      ['Dewiswch y penderfyniad ar sail derfynol'],
    );
    const notReal = await sw.post(`/nrm-referrals/${referral.id}/decisions`, {
      rgDecision: 'positive',
      rgDecidedDay: '31',
      rgDecidedMonth: '2',
      rgDecidedYear: '2026',
      cgDecision: 'pending',
    });
    expectWelsh(notReal, 400);
    expect(text(notReal.payload)).toContain("Rhaid i'r dyddiad y penderfyniad ar sail resymol fod yn ddyddiad go iawn");
    expect(text(decisions.payload)).toContain('Penderfyniad ar sail resymol yn ddyledus erbyn');

    const assessment = await welshForm(
      `/children/${childId}/trafficking-assessments/new`,
      { indicators: ['debt_bondage'], outcome: '', assessor: '', assessedDay: '' },
      ['Dewiswch y canlyniad', 'Rhowch bwy wnaeth yr asesiad', 'Rhowch y diwrnod yr asesiad'],
    );
    expect(assessment.payload).toContain('Caethiwed dyled');
  });

  it('corrects the record in Welsh, and lists the corrections made in Welsh', async () => {
    const dpo = await pageSession(app, 'data_protection_officer');
    expectWelsh(await dpo.get(`/children/${childId}/corrections?lang=cy`));
    const values = {
      firstNames: 'Cywir',
      lastName: 'Enw',
      dobDay: '2',
      dobMonth: '1',
      dobYear: '2010',
      nationality: 'Eritreaidd',
      traffickingStatus: 'suspected',
    };
    await welshForm(
      `/children/${childId}/corrections`,
      { ...values, reason: '' },
      ['Rhowch y rheswm pam roedd y cofnod yn anghywir'],
      dpo,
    );
    expect(
      (await dpo.post(`/children/${childId}/corrections`, { ...values, reason: 'Papurau gan y teulu' })).statusCode,
    ).toBe(303);
    const listed = await dpo.get(`/children/${childId}/corrections`);
    expectWelsh(listed);
    expect(listed.payload).toContain('Cywirwyd gan');
  });
});
