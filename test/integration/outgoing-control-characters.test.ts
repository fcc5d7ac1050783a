// Free text with terminal escapes, NUL and raw line breaks, as a carer's text or a contact's name can
// carry them, queued through the outbox and read as the mail server and the Twilio API receive it:
// no control character arrives, no line break reaches the subject, and no header is added.
import { alertData, buildDeliveryTestApp, DeliveryTestApp } from '../support/delivery';

let t: DeliveryTestApp;
beforeAll(async () => {
  t = await buildDeliveryTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.twilio.reset();
  t.smtp.reset();
});

const HOSTILE =
  'Bus station\u001b[31m\u0000 red\r\nBcc: evil@example.org\r\n\r\nSecond line\u2028Third line\u0085\u009bend';
/** Anything but LF (and tab): what a body may keep of a typed line break. */
const BODY_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/;
const ANY_CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

async function queue(channel: 'sms' | 'email', template: string, data: object, address: string): Promise<void> {
  await t.app.db.dataSource.transaction((tx) =>
    t.app.services.outbox.enqueue(tx, {
      authorityId: t.authorityId,
      channel,
      template,
      data,
      recipient: { type: 'contact', id: null, name: 'Police control room', address },
    }),
  );
  await t.app.services.dispatcher.drain();
}

it('a contact name with ESC, NUL and CR/LF reaches the subject as one clean line and adds no header', async () => {
  await queue(
    'email',
    'delivery-failed',
    {
      recipientName: HOSTILE,
      channel: 'SMS',
      fallback: null,
      reason: 'Twilio reported undelivered',
      stepKey: 'report#0',
    },
    'duty@example.org',
  );
  await t.smtp.waitFor(1);
  const [{ mail, to }] = t.smtp.messages;
  expect(to).toEqual(['duty@example.org']);
  expect(mail.subject).toBe(
    'Alert not delivered: message to Bus station[31m red Bcc: evil@example.org Second line Third line end by SMS failed',
  );
  expect(mail.subject).not.toMatch(ANY_CONTROL);
  expect(mail.headers.has('bcc')).toBe(false);
  expect(mail.bcc).toBeUndefined();
  for (const body of [mail.text!, mail.html as string]) {
    expect(body).not.toMatch(BODY_CONTROLS);
    expect(body).toContain('Bus station[31m red');
  }
});

it('free text in the body keeps its typed line breaks and loses every other control character', async () => {
  await queue('email', 'missing-alert', { ...alertData('E-CTRL'), lastSeen: HOSTILE }, 'police@example.org');
  await t.smtp.waitFor(1);
  const [{ mail }] = t.smtp.messages;
  expect(mail.text).not.toMatch(BODY_CONTROLS);
  expect(mail.html).not.toMatch(BODY_CONTROLS);
  expect(mail.text).toContain('Last seen: Bus station[31m red\nBcc: evil@example.org\n\nSecond line\nThird line\nend');
  expect(mail.headers.has('bcc')).toBe(false);
});

it('an SMS written from free text carries no control character', async () => {
  await queue(
    'sms',
    'delivery-failed',
    { recipientName: HOSTILE, channel: 'email', fallback: `email to ${HOSTILE}`, reason: 'x', stepKey: 'report#0' },
    '+447700900531',
  );
  expect(t.twilio.messages).toHaveLength(1);
  expect(t.twilio.messages[0].body).not.toMatch(ANY_CONTROL);
  expect(t.twilio.messages[0].body).toContain('Bus station[31m red');
});
