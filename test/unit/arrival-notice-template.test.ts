// The arrival notice to the police and the guardian service: one GSM-7 segment with the longest port
// and authority name the forms allow, and the reference only (no name, no address) in every part.
import { fitsOneSegment, renderEmail, renderSms } from '../../src/notifications/templates';

const longest = {
  childRef: 'WWWW',
  port: 'W'.repeat(40),
  on: '30/09/2026',
  identifiedBy: 'self-presented',
  authority: 'Royal Borough of Windsor and Maidenhead',
};

it('fits one GSM-7 segment with the longest port and authority name', () => {
  const text = renderSms('arrival-notice', longest);
  expect({ text, fits: fitsOneSegment(text) }).toEqual({ text, fits: true });
});

it('carries the reference and the port, never a name or an address', () => {
  const data = {
    ...longest,
    port: 'Gatwick Airport',
    firstNames: 'Secret',
    lastName: 'Name',
    address: '9 Secret Road',
  };
  const email = renderEmail('arrival-notice', data);
  for (const part of [renderSms('arrival-notice', data), email.subject, email.text, email.html]) {
    expect(part).toContain('WWWW');
    expect(part).toContain('Gatwick Airport');
    expect(part).not.toMatch(/Secret|Road/);
  }
});
