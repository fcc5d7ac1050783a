// The inbound SMS webhook: signatures, replays, strangers and the duty worker's queue. Texts that
// open or close episodes are covered in sms-episodes.test.ts.
import { fitsOneSegment } from '../../src/notifications/templates';
import { bearer, buildTestApp, TestApp } from '../support/app';
import { textService, twilioEnv } from '../support/twilio-sms';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp(twilioEnv);
});
afterAll(async () => {
  await app.close();
});

const count = async () => Number((await app.db.dataSource.query('SELECT count(*) AS n FROM inbound_messages'))[0].n);

it('refuses an unsigned or wrongly signed text with 403 and records nothing', async () => {
  const before = await count();
  const unsigned = await textService(app.server, '+447700900101', 'MISSING', { signature: null });
  const forged = await textService(app.server, '+447700900101', 'MISSING', { signature: 'bm90IGEgc2lnbmF0dXJl' });
  const otherKey = await textService(app.server, '+447700900101', 'MISSING', { authToken: 'someone-elses-token' });
  expect([unsigned.res.statusCode, forged.res.statusCode, otherKey.res.statusCode]).toEqual([403, 403, 403]);
  expect(await count()).toBe(before);
});

it('fails closed when no Twilio auth token is configured', async () => {
  const bare = await buildTestApp({ PUBLIC_BASE_URL: twilioEnv.PUBLIC_BASE_URL });
  try {
    const res = await textService(bare.server, '+447700900101', 'HELP');
    expect(res.res.statusCode).toBe(403);
  } finally {
    await bare.close();
  }
});

it('answers HELP in one SMS with TwiML', async () => {
  const { res, reply } = await textService(app.server, '+447700900999', 'help');
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/xml/);
  expect(reply).toMatch(/^Text MISSING and the child's reference/);
  expect(fitsOneSegment(reply!)).toBe(true);
});

it('gives a stranger a neutral reply that confirms nothing, and queues the text for the duty worker', async () => {
  const { reply } = await textService(app.server, '07700 900777', 'MISSING K7Q2');
  expect(reply).toBe('Thank you. Your message has been passed to the duty team.');
  expect(reply).not.toContain('K7Q2');
  const queue = await app.server.inject({
    url: '/api/v1/sms/inbound?attention=true',
    headers: bearer(await app.tokenFor('social_worker')),
  });
  const items = (queue.result as { items: { from: string; body: string; outcome: string }[] }).items;
  expect(items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ from: '+447700900777', body: 'MISSING K7Q2', outcome: 'unknown_sender' }),
    ]),
  );
  const other = await app.server.inject({
    url: '/api/v1/sms/inbound?attention=true',
    headers: bearer(await app.tokenFor('social_worker', 'OTHER')),
  });
  expect((other.result as { items: { from: string }[] }).items.map((i) => i.from)).not.toContain('+447700900777');
});

it('asks a carer of two children which child, listing references only', async () => {
  const { reply } = await textService(app.server, '+447700900102', 'MISSING');
  expect(reply).toBe('Which child? Text MISSING followed by one of: H9PX, M4RT');
});

it('tells a carer it did not understand, and queues the text', async () => {
  const { reply } = await textService(app.server, '+447700900101', 'hello are you there');
  expect(reply).toMatch(/^Sorry, we did not understand/);
  const [row] = await app.db.dataSource.query(
    `SELECT outcome, needs_attention FROM inbound_messages WHERE body = 'hello are you there'`,
  );
  expect(row).toEqual({ outcome: 'not_understood', needs_attention: true });
});

it('answers a replayed MessageSid with the same reply and changes nothing', async () => {
  const first = await textService(app.server, '+447700900102', 'FOUND');
  const before = await count();
  const replay = await textService(app.server, '+447700900102', 'FOUND', { messageSid: first.messageSid });
  expect(replay.reply).toBe(first.reply);
  expect(await count()).toBe(before);
});

it('lets a duty worker mark a queued text as handled, once', async () => {
  const token = await app.tokenFor('social_worker');
  await textService(app.server, '+447700900888', 'is this the foster line');
  const queue = (await app.server.inject({ url: '/api/v1/sms/inbound?attention=true', headers: bearer(token) }))
    .result as { items: { id: string; body: string }[] };
  const item = queue.items.find((i) => i.body === 'is this the foster line')!;
  const handled = await app.server.inject({
    method: 'POST',
    url: `/api/v1/sms/inbound/${item.id}/handled`,
    headers: bearer(token),
    payload: { note: 'Rang back: wrong number' },
  });
  expect(handled.statusCode).toBe(200);
  const again = await app.server.inject({
    method: 'POST',
    url: `/api/v1/sms/inbound/${item.id}/handled`,
    headers: bearer(token),
    payload: { note: 'again' },
  });
  expect(again.statusCode).toBe(409);
  const after = (await app.server.inject({ url: '/api/v1/sms/inbound?attention=true', headers: bearer(token) }))
    .result as { items: { id: string }[] };
  expect(after.items.map((i) => i.id)).not.toContain(item.id);
});

it('rejects a malformed webhook body with 400, never 500', async () => {
  const res = await textService(app.server, '', 'MISSING');
  expect(res.res.statusCode).toBe(400);
});

it('never writes a message body or phone number to the application log', async () => {
  const lines: string[] = [];
  const logged = await buildTestApp(twilioEnv, { logLines: lines });
  try {
    await textService(logged.server, '+447700900101', 'MISSING K7Q2 she left at 2am with a man called Dave');
    await textService(logged.server, '+447700900666', 'secret words from a stranger');
    await logged.server.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { email: 'social.worker@demo-borough.example.org', password: 'wrong-password' },
    });
    await logged.server.inject({
      url: '/api/v1/children?search=Amira',
      headers: bearer(await logged.tokenFor('social_worker')),
    });
    expect(lines.length).toBeGreaterThan(0);
    const all = lines.join('\n');
    for (const secret of [
      'Amira',
      'Dave',
      'secret words',
      '7700900101',
      '7700900666',
      'wrong-password',
      'social.worker@',
    ])
      expect(all).not.toContain(secret);
  } finally {
    await logged.close();
  }
});
