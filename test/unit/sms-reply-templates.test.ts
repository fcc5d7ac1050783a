// Replies to inbound texts: one GSM-7 segment with the longest data, and nothing but references.
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { fitsOneSegment, gsm7Length, renderSms, TEMPLATES_DIR } from '../../src/notifications/templates';

const replies = readdirSync(path.join(TEMPLATES_DIR, 'sms'))
  .filter((f) => f.startsWith('reply-'))
  .map((f) => f.replace(/\.njk$/, ''));
// A carer with six placed children (the most a placement allows) is the longest "which child" list.
const worst = {
  childRef: 'WWWW',
  episodeRef: 'E-WWWWW',
  keyword: 'MISSING',
  references: 'WWWW, WWWW, WWWW, WWWW, WWWW, WWWW',
  firstNames: 'Secret',
  lastName: 'Name',
  address: '9 Secret Road',
};

it('covers every reply the SMS channel sends', () => {
  expect(replies.sort()).toEqual([
    'reply-ack-not-recognised',
    'reply-acknowledged',
    'reply-already-open',
    'reply-bed-check-bare',
    'reply-bed-check-home',
    'reply-bed-check-not-home',
    'reply-confirm-return',
    'reply-failed',
    'reply-help',
    'reply-missing-recorded',
    'reply-no-confirmation',
    'reply-no-open-episode',
    'reply-not-understood',
    'reply-received',
    'reply-return-recorded',
    'reply-texts-restarted',
    'reply-texts-stopped',
    'reply-update-added',
    'reply-which-child',
  ]);
});

it.each(replies)('%s fits one GSM-7 segment and names no one', (template) => {
  const text = renderSms(template, worst);
  expect(gsm7Length(text)).not.toBeNull();
  expect({ template, fits: fitsOneSegment(text), length: text.length }).toEqual({
    template,
    fits: true,
    length: text.length,
  });
  expect(text).not.toMatch(/Secret|Name|Road/);
});

it("the duty manager's notice of an urgent-sounding text fits one segment and carries only when and where to read it", () => {
  const text = renderSms('urgent-text', {
    ...worst,
    receivedAt: '30 Sep 2026, 23:59',
    link: 'https://alerts.example-borough.gov.uk/admin/texts',
  });
  expect(fitsOneSegment(text)).toBe(true);
  expect(text).toContain('https://alerts.example-borough.gov.uk/admin/texts');
  expect(text).not.toMatch(/Secret|Name|Road|WWWW/);
});
