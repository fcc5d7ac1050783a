// The host coordinator's placement notices: one GSM-7 segment with the longest authority name, and
// references only (no child's name, no address) in every part.
import { fitsOneSegment, renderEmail, renderSms } from '../../src/notifications/templates';

const longest = {
  childRef: 'WWWW',
  placingAuthority: 'Royal Borough of Windsor and Maidenhead',
  hostName: 'Royal Borough of Kensington and Chelsea',
  on: '30/09/2026',
};

describe.each(['placement-host-start', 'placement-host-end'])('%s', (template) => {
  it('fits one GSM-7 segment with the longest authority name', () => {
    const text = renderSms(template, longest);
    expect({ text, fits: fitsOneSegment(text) }).toEqual({ text, fits: true });
  });

  it('carries the reference and the placing authority, never a name or an address', () => {
    const data = { ...longest, firstNames: 'Secret', lastName: 'Name', address: '9 Secret Road' };
    const email = renderEmail(template, data);
    for (const part of [renderSms(template, data), email.subject, email.text, email.html]) {
      expect(part).toContain('WWWW');
      expect(part).not.toMatch(/Secret|Road/);
    }
    expect(renderSms(template, data)).toContain('Royal Borough of Windsor and Maidenhead');
  });
});
