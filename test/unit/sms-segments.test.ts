// The SMS alphabet (issue 29): every SMS template, in English, in Welsh and in both languages, rendered
// with the longest realistic values, fits its segment limit in the encoding it needs (Welsh ŵ, ŷ, â, ô
// make a text UCS-2: 70 characters in one segment, 67 a part); an alert's first segment carries its
// essentials (the child's and the episode's references) in the first language.
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { contactRecipients, teamRecipients } from '../../src/escalation/escalation-policy';
import { Rendering, RENDERINGS } from '../../src/notifications/message-language';
import { firstSegment, SMS_SEGMENT_LIMITS, smsSize } from '../../src/notifications/sms-encoding';
import { renderSms, TEMPLATES_DIR } from '../../src/notifications/templates';
import { longestBase, longestSent } from '../support/longest-message-data';

const worst = {
  ...longestSent,
  // Carers' replies: six placed children, the longest keyword ("WEDI DOD YN ÔL" is never asked for).
  references: 'WWWW, WWWW, WWWW, WWWW, WWWW, WWWW',
  keyword: 'AR GOLL',
  // Bed checks, arrivals, host notices, the duty manager's alerts.
  dueAt: '23:59',
  receivedAt: '30 Sep 2026, 23:59',
  port: 'W'.repeat(40),
  on: '30/09/2026',
  authority: 'Royal Borough of Windsor and Maidenhead',
  placingAuthority: 'Royal Borough of Windsor and Maidenhead',
  recipientName: 'A'.repeat(80),
  channel: 'email',
  fallback: `SMS to ${'B'.repeat(80)}`,
  stepKey: 'x'.repeat(40),
  roles: [...teamRecipients, ...contactRecipients].map((r) => r.replace(/_/g, ' ')).join(', '),
};
// The cases that choose the longer branch of a template: a found notice without a return, a bed check's "YES".
// July is the longest month in Welsh ("Gorff" for "Jul").
const inJuly = Object.fromEntries(
  Object.entries(worst).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/\bSept?\b/g, 'Jul') : v]),
);
const variants = [worst, { ...worst, returnedAt: null }, { ...worst, keyword: 'MISSING' }, inJuly];
// Links that are not the episode's signed link.
const otherLinks: Record<string, string> = {
  'urgent-text': `${longestBase}/admin/texts`,
  'carer-update': `${longestBase}/episodes/7f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f`,
  'bed-check-missed': `${longestBase}/children/7f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f`,
};

const templates = readdirSync(path.join(TEMPLATES_DIR, 'sms'))
  .filter((f) => f.endsWith('.njk'))
  .map((f) => f.replace(/\.njk$/, ''));
// Alerts to professionals: what a phone shows first must say which child and which episode.
const alerts = templates.filter(
  (t) => !/^(reply-|bed-check|placement-host-|arrival-notice|urgent-text|delivery-failed)/.test(t),
);

it('has a Welsh version of every SMS template', () => {
  expect(readdirSync(path.join(TEMPLATES_DIR, 'sms', 'cy')).sort()).toEqual(templates.map((t) => `${t}.njk`).sort());
});

const cases = templates.flatMap((t) => RENDERINGS.map((r) => [t, r] as [string, Rendering]));
it.each(cases)('%s in %s fits its segment limit in the encoding it needs', (template, rendering) => {
  for (const data of variants) {
    const text = renderSms(template, { ...data, link: otherLinks[template] ?? data.link }, rendering);
    const size = smsSize(text);
    expect({ template, rendering, ...size, within: size.segments <= SMS_SEGMENT_LIMITS[rendering] }).toEqual({
      template,
      rendering,
      ...size,
      within: true,
    });
    expect(text).not.toMatch(/reviewed|\{#/);
  }
});

it('writes English in GSM-7 and finds the Welsh letters that need UCS-2', () => {
  for (const t of templates) expect(smsSize(renderSms(t, worst, 'en')).encoding).toBe('GSM-7');
  expect(smsSize(renderSms('reply-confirm-return', worst, 'cy')).encoding).toBe('UCS-2'); // "yn ôl"
  expect(smsSize('Dŵr').encoding).toBe('UCS-2');
  expect(smsSize('Tŷ').encoding).toBe('UCS-2');
  expect(smsSize('{'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
  expect(smsSize('{'.repeat(81))).toMatchObject({ units: 162, segments: 2 });
  expect(smsSize('ŵ'.repeat(70))).toMatchObject({ segments: 1 });
  expect(smsSize('ŵ'.repeat(71))).toMatchObject({ segments: 2, part: 67 });
});

it.each(alerts.flatMap((t) => RENDERINGS.map((r) => [t, r] as [string, Rendering])))(
  '%s in %s: the first segment names the child and the episode in the first language',
  (template, rendering) => {
    const text = renderSms(template, worst, rendering);
    const first = firstSegment(text);
    expect(first).toContain('WWWW');
    if (template !== 'step-unreached') expect(first).toContain('E-WWWWW');
    expect(text.startsWith(renderSms(template, worst, rendering.slice(0, 2) as Rendering))).toBe(true);
  },
);
