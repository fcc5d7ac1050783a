// Every escalation step's message renders from templates/: each SMS fits one GSM-7 segment with
// the longest data it can be given, and no message carries a child's name or address.
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { defaultPolicy } from '../../src/escalation/default-policy';
import { contactRecipients, teamRecipients } from '../../src/escalation/escalation-policy';
import { fitsOneSegment, gsm7Length, renderEmail, renderSms, TEMPLATES_DIR } from '../../src/notifications/templates';
import { longestSent } from '../support/longest-message-data';

const worst = {
  ...longestSent,
  riskLabel: 'Risk not yet graded',
};
// Replies to inbound texts (reply-*), the duty manager's delivery-failed alert, urgent-text (about a
// text, not a child), the bed checks (bed-check-*) and the host coordinator's placement notices
// (placement-host-*) and the port arrival notice (arrival-notice) have their own tests.
const smsTemplates = readdirSync(path.join(TEMPLATES_DIR, 'sms'))
  .filter((f) => f.endsWith('.njk'))
  .map((f) => f.replace(/\.njk$/, ''))
  .filter(
    (t) =>
      !t.startsWith('reply-') &&
      !t.startsWith('bed-check') &&
      !t.startsWith('placement-host-') &&
      t !== 'delivery-failed' &&
      t !== 'arrival-notice' &&
      t !== 'urgent-text',
  );

describe('escalation message templates', () => {
  it('has an SMS and an email template for every step of the default policy', () => {
    for (const step of defaultPolicy.steps) {
      expect(smsTemplates).toContain(step.template);
      expect(() => renderEmail(step.template, worst)).not.toThrow();
    }
  });

  it.each(smsTemplates)('%s fits one GSM-7 segment with the longest data', (template) => {
    const text = renderSms(template, worst);
    expect(gsm7Length(text)).not.toBeNull();
    expect({ template, length: text.length, fits: fitsOneSegment(text) }).toEqual({
      template,
      length: text.length,
      fits: true,
    });
  });

  it.each(smsTemplates)('%s carries references, not names or addresses', (template) => {
    const text = renderSms(template, { ...worst, firstNames: 'Secret', lastName: 'Name', address: '9 Secret Road' });
    expect(text).toContain('WWWW');
    expect(text).not.toMatch(/Secret|Name|Road/);
  });

  it('never tells anyone a child was found when the episode closed without a return', () => {
    expect(renderSms('found-notice', { ...worst, link: null, ackCode: null })).toMatch(
      /^FOUND: child WWWW \(episode E-WWWWW\) returned /,
    );
    const closed = { ...worst, returnedAt: null, link: null, ackCode: null };
    expect(renderSms('found-notice', closed)).toBe('Episode E-WWWWW, child WWWW: closed, not recorded as found.');
    expect(renderEmail('found-notice', closed).subject).toBe(
      'Episode E-WWWWW closed: child WWWW not recorded as found',
    );
  });

  it("fits the duty manager's step-unreached alert in one segment with the longest step key and every role", () => {
    const roles = [...teamRecipients, ...contactRecipients].map((r) => r.replace(/_/g, ' ')).join(', ');
    const data = { episodeRef: 'E-WWWWW', childRef: 'WWWW', stepKey: 'x'.repeat(40), roles };
    const text = renderSms('step-unreached', data);
    expect({ length: text.length, fits: fitsOneSegment(text) }).toEqual({ length: text.length, fits: true });
    expect(text).toMatch(/^FAILED: ep E-WWWWW child WWWW step x+ reached nobody; none set up as social worker, /);
    expect(renderEmail('step-unreached', data).text).toContain(`Nobody active is set up as: ${roles}`);
  });

  it('gives professionals a link and the carer none', () => {
    expect(renderSms('missing-alert', worst)).toMatch(
      / https:\/\/alerts\.example-borough\.gov\.uk\/p\/[A-Za-z0-9_-]{40}( |$)/,
    );
    expect(renderSms('carer-confirmation', { ...worst, link: null, ackCode: null })).toBe(
      'We have your report, episode E-WWWWW for child WWWW. Police and the duty team are being told. Text FOUND WWWW when the child is back.',
    );
  });
});
