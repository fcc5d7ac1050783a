// Config is validated at boot and lists every problem at once.
import { ConfigError, loadConfig } from '../../src/config';

it('uses safe defaults in development', () => {
  const c = loadConfig({});
  expect(c).toMatchObject({
    env: 'development',
    port: 3000,
    host: '127.0.0.1',
    demoData: true,
    publicBaseUrl: 'http://127.0.0.1:3000',
    sessionSecretGenerated: true,
  });
  expect(c.sessionSecret).toHaveLength(64);
});

it('lists every problem in one error', () => {
  expect(() =>
    loadConfig({
      NODE_ENV: 'production',
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      TWILIO_FROM_NUMBER: '07700900000',
    }),
  ).toThrow(ConfigError);
  try {
    loadConfig({
      NODE_ENV: 'production',
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      TWILIO_FROM_NUMBER: '07700900000',
    });
  } catch (err) {
    const message = (err as Error).message;
    expect(message).toContain('"PORT" must be a number');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('TWILIO_FROM_NUMBER must be in E.164 form');
    expect(message).toContain('SESSION_SECRET is required in production');
  }
});

it('treats an empty variable as not set', () => {
  expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ databaseUrl: undefined, port: 3000 });
});

it('never loads demo data in production', () => {
  expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), DEMO_DATA: 'true' }).demoData).toBe(
    false,
  );
});

it('reads TRUSTED_PROXIES as a list of addresses and ranges, empty by default, and names a bad entry', () => {
  expect(loadConfig({}).trustedProxies).toEqual([]);
  expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.1,fd00::/8' }).trustedProxies).toEqual([
    '10.0.0.0/8',
    '192.0.2.1',
    'fd00::/8',
  ]);
  expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8,lb.example.org' })).toThrow(
    /TRUSTED_PROXIES .*; lb.example.org is neither/,
  );
});

it('reads GROUP_ORGANIZER_EMAIL as an address for invitation replies, none by default, and refuses one that is not', () => {
  expect(loadConfig({}).groupOrganizerEmail).toBeNull();
  expect(loadConfig({ GROUP_ORGANIZER_EMAIL: ' coordinator@example.org ' }).groupOrganizerEmail).toBe(
    'coordinator@example.org',
  );
  expect(() => loadConfig({ GROUP_ORGANIZER_EMAIL: 'the coordinator' })).toThrow(
    /GROUP_ORGANIZER_EMAIL must be an email address that receives replies/,
  );
});
