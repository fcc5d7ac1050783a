// The Welsh message templates (issue 29): each is marked reviewed or not (drafted without a
// translator, item 5); each Welsh email renders alone and in both languages with the longest data,
// names no one, and is in Welsh; an email not yet translated goes in English (listed here, so a new
// translation or a new English email is a deliberate change of this list).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { RENDERINGS } from '../../src/notifications/message-language';
import { renderEmail, TEMPLATES_DIR } from '../../src/notifications/templates';
import { type Pack, packTemplateData } from '../../src/operational-group/pack.presenter';

const files = (dir: string) => readdirSync(path.join(TEMPLATES_DIR, dir)).filter((f) => f.endsWith('.njk'));
const emails = (dir: string) =>
  [...new Set(files(dir).map((f) => f.split('.')[0]))].filter((t) => !t.startsWith('_')).sort();

const welshEmails = emails('email/cy');
const NOT_YET_IN_WELSH: string[] = [];

it('marks every Welsh template reviewed: true or false on its first line', () => {
  for (const dir of ['sms/cy', 'email/cy'])
    for (const f of files(dir)) {
      const first = readFileSync(path.join(TEMPLATES_DIR, dir, f), 'utf8').split('\n')[0];
      expect({ file: `${dir}/${f}`, marked: /^\{# reviewed: (true|false)\b.*#\}$/.test(first) }).toEqual({
        file: `${dir}/${f}`,
        marked: true,
      });
    }
});

it('has a Welsh version of every email but those listed as not yet translated', () => {
  expect(welshEmails.every((t) => emails('email').includes(t))).toBe(true);
  expect(emails('email').filter((t) => !welshEmails.includes(t))).toEqual(NOT_YET_IN_WELSH);
  for (const t of welshEmails)
    for (const part of ['subject', 'text', 'html']) expect(files('email/cy')).toContain(`${t}.${part}.njk`);
});

// An agenda pack with a row in every section, at its longest: the child's reference in each.
const episode = {
  episodeId: 'e1',
  episodeRef: 'E-WWWWW',
  kind: 'M',
  discoveredAt: '2026-09-30T22:59:00Z',
  returnedAt: null,
  closedAt: null,
  durationHours: 720,
  ongoing: true,
  riskGrade: null,
  highRiskFromStart: true,
  policeReference: null,
  ending: 'Still missing',
};
const packChild = { childId: 'c1', childRef: 'WWWW', age: 17, nationality: null, traffickingStatus: 'suspected' };
const worstPack = {
  meetingId: 'm1',
  authorityName: 'Royal Borough of Windsor and Maidenhead',
  groupName: 'Demo Borough operational group',
  startsAt: '2026-10-07T09:00:00Z',
  endsAt: '2026-10-07T11:00:00Z',
  location: null,
  coversFrom: '2026-09-01T09:00:00Z',
  coversTo: '2026-09-30T09:00:00Z',
  missingSinceLastMeeting: [
    {
      ...packChild,
      episodes: [
        { ...episode, returnedAt: '2026-10-01T10:00:00Z', closedAt: '2026-10-02T10:00:00Z', riskGrade: 'medium' },
      ],
    },
  ],
  stillMissing: [{ ...packChild, ...episode }],
  repeatMissers: [{ ...packChild, mostEpisodesIn30Days: 4 }],
  newArrivalsAtRisk: [{ ...packChild, arrivalDate: null, arrivalPort: null, careStartedAt: '2026-09-20T10:00:00Z' }],
  returnInterviewsOverdue: [
    { ...packChild, episodeId: 'e1', episodeRef: 'E-WWWWW', returnedAt: '2026-09-20T10:00:00Z', interviewDueAt: null },
  ],
  plansDueForReview: [{ ...packChild, version: 12, riskOfMissing: 'high', reviewOn: '2026-10-01' }],
  nrmDecisionsDue: [
    { ...packChild, nrmReference: null, decision: 'reasonable_grounds', dueOn: '2026-09-01', overdue: true },
    { ...packChild, nrmReference: null, decision: 'conclusive_grounds', dueOn: '2026-12-01', overdue: false },
  ],
  failedNotifications: [
    {
      id: 'n1',
      at: '2026-09-30T10:00:00Z',
      channel: 'sms',
      recipientRole: 'Police control room',
      template: 'missing-alert',
      status: 'undelivered',
      reason: null,
      episodeRef: 'E-WWWWW',
      childRef: 'WWWW',
    },
  ],
  openActions: [
    {
      id: 'a1',
      description: 'Check the station CCTV',
      ownerRole: 'Social worker',
      dueOn: '2026-09-01',
      overdue: true,
      childRef: 'WWWW',
      agreedAt: null,
    },
  ],
} as unknown as Pack;

const worst = {
  ...packTemplateData(worstPack, 'Europe/London', 'https://alerts.example-borough.gov.uk'),
  cancelled: false,
  repliesTo: 'operational.group.coordinator@example-borough.gov.uk',
  childRef: 'WWWW',
  episodeRef: 'E-WWWWW',
  authorityName: 'Royal Borough of Windsor and Maidenhead',
  riskLabel: 'Risk not yet graded',
  discoveredAt: '30 Sep 2026, 23:59',
  lastSeen: '30 Sep 23:59',
  returnedAt: '30 Sep 2026, 23:59',
  policeReference: 'CAD-1',
  link: 'https://alerts.example-borough.gov.uk/p/abcdefghijklmnopqrstuvwx',
  linkExpires: '7 Oct 2026',
  ackCode: '9999',
  hoursMissing: 72,
  kindLabel: 'missing',
  receivedAt: '30 Sep 2026, 23:59',
  dueAt: '23:59',
  port: 'W'.repeat(40),
  on: '30/09/2026',
  identifiedBy: 'self-presented',
  authority: 'Royal Borough of Windsor and Maidenhead',
  hostName: 'Royal Borough of Kensington and Chelsea',
  placingAuthority: 'Royal Borough of Windsor and Maidenhead',
  ownerName: 'Force control room',
  groupName: 'Demo Borough operational group',
  agreedAt: '30 Sep 2026',
  description: 'Check the station CCTV',
  due: '7 Oct 2026',
  serviceUrl: 'https://alerts.example-borough.gov.uk',
  overdue: ['missing-alert', 'escalation-24h'],
  recipientName: 'Force control room',
  channel: 'SMS',
  reason: 'Twilio answered 400',
  fallback: 'email to Force control room',
  stepKey: 'report#0',
  roles: 'social worker, team manager',
  returnInterviewDue: '3 Oct 2026, 23:59',
  repeatCount: 3,
  repeatWindowDays: 90,
  firstNames: 'Secret',
  lastName: 'Name',
  address: '9 Secret Road',
};

it.each(welshEmails.flatMap((t) => RENDERINGS.map((r) => [t, r] as const)))('%s renders in %s', (t, rendering) => {
  const email = renderEmail(t, worst, rendering);
  for (const part of [email.subject, email.text, email.html]) {
    // The duty manager's notices about a text or a delivery are about no child.
    // Nor are the group's invitation changes; the agenda pack names its children in the body only.
    const noChild = ['urgent-text', 'delivery-failed', 'group-action-overdue', 'operational-group-meeting-change'];
    if (!noChild.includes(t) && !(t === 'operational-group-pack' && part === email.subject))
      expect(part).toContain('WWWW');
    expect(part).not.toMatch(/Secret|Name|Road|reviewed|\{#|\{\{/);
  }
  if (rendering.startsWith('cy')) {
    expect(email.html).toMatch(/^<!doctype html>\s*<html lang="cy">/);
    // Welsh first: the English comes only after the Welsh.
    expect(email.text).toMatch(/^(?![\s\S]*This message contains no names[\s\S]*Does dim enwau)/);
  }
  if (rendering === 'cy') expect(email.text).not.toMatch(/This message contains|Child reference/);
  if (rendering.includes('+')) expect(email.subject).toContain(' / ');
});

it('names the months of dates in Welsh in a Welsh version only', () => {
  const data = { ...worst, discoveredAt: '30 Sept 2026, 23:59', lastSeen: '1 Jul 02:00', description: 'May check' };
  expect(renderEmail('same-day-notice', data, 'cy').text).toContain('ar goll ers 30 Medi 2026, 23:59');
  expect(renderEmail('same-day-notice', data, 'cy').text).toContain('Gwelwyd ddiwethaf: 1 Gorff 02:00');
  expect(renderEmail('same-day-notice', data, 'cy+en').text).toContain('missing since 30 Sept 2026, 23:59');
  expect(renderEmail('group-action-overdue', data, 'cy').text).toContain('May check');
});

describe("the operational group's emails in Welsh", () => {
  it('writes the agenda pack in Welsh from its codes, months and roles included, even in nested rows', () => {
    const { subject, text, html } = renderEmail('operational-group-pack', worst, 'cy');
    expect(subject).toBe('Demo Borough operational group: pecyn agenda ar gyfer y cyfarfod ar 7 Hyd 2026, 10:00');
    expect(text).toContain(
      "- WWWW (17 oed), achos E-WWWWW: sylwyd 30 Medi 2026, 23:59, 720 awr hyd yma, risg uchel o'r funud gyntaf " +
        "(heb ei graddio gan yr heddlu eto), cyfeirnod yr heddlu dim wedi'i gofnodi",
    );
    expect(text).toContain('- WWWW: penderfyniad ar sail resymol yn hwyr ers 1 Medi 2026');
    expect(text).toContain("neges destun at Ystafell reoli'r heddlu (achos E-WWWWW): heb ei gyflwyno");
    expect(text).toContain('(perchennog: Gweithiwr cymdeithasol, erbyn 1 Medi 2026, YN HWYR; plentyn WWWW)');
    for (const part of [text, html])
      expect(part).not.toMatch(/Still missing|Not graded|None recorded|Police control room|Social worker|Sept|None\./);
    expect(html).toContain('<td>Dychwelodd; ar gau</td>');
  });

  it('keeps the English pack as it was, and puts the Welsh first for a Welsh-first authority', () => {
    const english = renderEmail('operational-group-pack', worst, 'en');
    expect(english.text).toContain(
      '- WWWW (age 17), episode E-WWWWW: discovered 30 Sept 2026, 23:59, 720 h so far, risk High from the first minute ' +
        '(not yet graded by police), police reference None recorded',
    );
    expect(english.text).toContain('- 30 Sept 2026, 11:00: sms to Police control room (episode E-WWWWW): undelivered');
    const both = renderEmail('operational-group-pack', worst, 'cy+en');
    expect(both.text.indexOf('pecyn agenda')).toBeLessThan(both.text.indexOf('agenda pack'));
  });

  it("tells members of a meeting's change or cancellation in Welsh", () => {
    const moved = renderEmail('operational-group-meeting-change', worst, 'cy');
    expect(moved.subject).toBe("Demo Borough operational group: mae'r cyfarfod wedi newid, bellach 7 Hyd 2026, 10:00");
    expect(moved.text).toContain("Mae'r cyfarfod bellach ar 7 Hyd 2026, 10:00, i'w gadarnhau.");
    expect(moved.text).toContain('Atebwch y gwahoddiad i ddweud wrth y cydlynydd');
    const cancelled = renderEmail(
      'operational-group-meeting-change',
      { ...worst, cancelled: true, repliesTo: null },
      'cy',
    );
    expect(cancelled.subject).toBe("Demo Borough operational group: mae'r cyfarfod ar 7 Hyd 2026, 10:00 wedi'i ganslo");
    expect(cancelled.html).toContain("Mae'r cyfarfod ar <strong>7 Hyd 2026, 10:00</strong> wedi'i ganslo.");
    expect(cancelled.text).not.toMatch(/Atebwch|cancelled|meeting/);
  });
});
