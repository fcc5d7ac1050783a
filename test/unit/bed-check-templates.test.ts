// The bed-check texts: one GSM-7 segment with the longest data, the carer's text word for word as
// the issue gives it, and no name or address.
import { fitsOneSegment, renderSms } from '../../src/notifications/templates';

const worst = {
  childRef: 'WWWW',
  dueAt: '23:00',
  link: 'https://alerts.example-borough.gov.uk/children/7f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f',
  firstNames: 'Secret',
  lastName: 'Name',
  address: '9 Secret Road',
};

it.each(['bed-check', 'bed-check-reminder', 'bed-check-missed'])(
  '%s fits one GSM-7 segment and names no one',
  (template) => {
    const text = renderSms(template, worst);
    expect({ template, fits: fitsOneSegment(text), length: text.length }).toEqual({
      template,
      fits: true,
      length: text.length,
    });
    expect(text).not.toMatch(/Secret|Name|Road/);
  },
);

it('asks the carer in the words of the issue', () => {
  expect(renderSms('bed-check', { childRef: 'K7Q2' })).toBe('Bed check for K7Q2: reply YES if K7Q2 is home, NO if not');
});

it('tells the duty manager to phone the carer, not the police', () => {
  expect(renderSms('bed-check-missed', worst)).toMatch(/Phone the carer now \(not police\)/);
});
