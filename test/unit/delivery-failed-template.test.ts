// The duty manager's "alert not delivered" text fits one SMS however long the names are.
import { fitsOneSegment, renderSms } from '../../src/notifications/templates';

it.each([
  ['Police control room', 'SMS', 'email to Police control room'],
  ['A'.repeat(80), 'email', `SMS to ${'B'.repeat(80)}`],
  ['Missing persons unit', 'SMS', null],
])('fits one segment for %s by %s', (recipientName, channel, fallback) => {
  const text = renderSms('delivery-failed', {
    recipientName,
    channel,
    fallback,
    reason: 'Twilio answered 400',
    stepKey: null,
    ackCode: null,
  });
  expect(text).toMatch(/^ALERT NOT DELIVERED: a message to /);
  expect(fitsOneSegment(text)).toBe(true);
});
