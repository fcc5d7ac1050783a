// The port arrival intake and the forms of a child's record in Welsh (issue 29): each page asked for in
// Welsh is marked lang="cy" and shows none of its English catalogue strings, and so does each form sent
// back with errors (the validation messages in Welsh); the intake walked in Welsh through to "recorded".
import sharp from 'sharp';

import { fieldsFor } from '../../src/platform/views/date-time-fields';
import { buildTestApp, TestApp } from '../support/app';
import { PageSession, pageSession } from '../support/pages';
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

function uploadPhoto(session: PageSession, bytes: Buffer) {
  const boundary = `----form${Math.random().toString(16).slice(2)}`;
  const part = (head: string, body: Buffer | string) => [
    Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`),
    Buffer.from(body),
    Buffer.from('\r\n'),
  ];
  const payload = Buffer.concat([
    ...part('Content-Disposition: form-data; name="crumb"', session.crumb),
    ...part('Content-Disposition: form-data; name="photo"; filename="p.png"\r\nContent-Type: image/png', bytes),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return app.server.inject({
    method: 'POST',
    url: '/arrivals/new/photo',
    payload,
    headers: { cookie: session.cookie(), 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

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
      for (const m of messages) expect(text(refusedPage.payload)).toContain(m);
      expect((await sw.post(`/arrivals/new/${key}`, s[key])).statusCode).toBe(303);
      if (key === 'indicators') {
        const photo = await sw.get('/arrivals/new/photo');
        expectWelsh(photo);
        expect(photo.payload).toContain('Uwchlwytho a pharhau');
        const notImage = await uploadPhoto(sw, Buffer.from('not an image'));
        expectWelsh(notImage, 400);
        expect(text(notImage.payload)).toContain("Rhaid i'r ffeil fod yn ffotograff");
        const png = await sharp({ create: { width: 4, height: 6, channels: 3, background: '#336699' } })
          .png()
          .toBuffer();
        expect((await uploadPhoto(sw, png)).statusCode).toBe(303);
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
