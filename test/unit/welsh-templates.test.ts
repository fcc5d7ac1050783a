// The Welsh message templates (issue 29): each is marked reviewed or not (drafted without a
// translator, item 5); each Welsh email renders alone and in both languages with the longest data,
// names no one, and is in Welsh; an email not yet translated goes in English (listed here, so a new
// translation or a new English email is a deliberate change of this list).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { RENDERINGS } from '../../src/notifications/message-language';
import { renderEmail, TEMPLATES_DIR } from '../../src/notifications/templates';

const files = (dir: string) => readdirSync(path.join(TEMPLATES_DIR, dir)).filter((f) => f.endsWith('.njk'));
const emails = (dir: string) =>
  [...new Set(files(dir).map((f) => f.split('.')[0]))].filter((t) => !t.startsWith('_')).sort();

const welshEmails = emails('email/cy');
const NOT_YET_IN_WELSH = ['operational-group-meeting-change', 'operational-group-pack'];

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

const worst = {
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
    if (!['urgent-text', 'delivery-failed', 'group-action-overdue'].includes(t)) expect(part).toContain('WWWW');
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
