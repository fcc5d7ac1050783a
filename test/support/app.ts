// Builds the real service (real database, real plugins) for server.inject tests, with a manual
// clock. Sign-in helpers use the demo users loaded into every test database.
import type { Server } from '@hapi/hapi';

import { DEMO_PASSWORD, demoAuthorities, demoEmail, demoRoles } from '../../seeds/demo-data';
import { Config, loadConfig } from '../../src/config';
import type { Role } from '../../src/platform/auth/roles';
import { createLogger } from '../../src/platform/logger';
import { createServer } from '../../src/server';
import { createServices, Services } from '../../src/services';
import { ManualClock, testClockStart } from './clock';
import { createTestDatabase, TestDatabase } from './database';
import { testLogger } from './quiet-logger';

export interface TestApp {
  server: Server;
  services: Services;
  clock: ManualClock;
  db: TestDatabase;
  config: Config;
  /** A bearer token for the demo user of this role ('DEMO' or 'OTHER' borough). */
  tokenFor(role: Role, authority?: 'DEMO' | 'OTHER'): Promise<string>;
  /** A new token for that demo user, never cached (for tests that revoke tokens). */
  signIn(role: Role, authority?: 'DEMO' | 'OTHER'): Promise<string>;
  close(): Promise<void>;
}

/** logLines: when given, every log line the service writes (at debug level) is collected here. */
export async function buildTestApp(
  env: Record<string, string> = {},
  options: { logLines?: string[] } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const clock = new ManualClock(testClockStart());
  const config = loadConfig({ NODE_ENV: 'test', JOBS: 'false', SIGN_IN_RATE_LIMIT: '10000', ...env });
  const logger = options.logLines
    ? createLogger('debug', {
        write: (line: string) => {
          options.logLines!.push(line);
        },
      })
    : testLogger();
  const services = createServices({ db: db.dataSource, clock, config, logger });
  const server = await createServer({ config, services, logger, clock });
  await server.initialize();
  // Tokens by user, with the test clock's time they were issued: a test that moves its clock on by
  // days gets a new one rather than one its own clock has expired.
  const tokens = new Map<string, { token: string; at: number }>();
  const signIn = async (role: Role, authority: 'DEMO' | 'OTHER' = 'DEMO') => {
    const a = demoAuthorities.find((x) => x.code === authority)!;
    const local = demoRoles.find((r) => r.role === role)!.local;
    const res = await server.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { email: demoEmail(local, a.domain), password: DEMO_PASSWORD },
    });
    if (res.statusCode !== 201) throw new Error(`sign-in for ${role}:${authority} failed: ${res.payload}`);
    return (res.result as { token: string }).token;
  };
  return {
    server,
    services,
    clock,
    db,
    config,
    signIn,
    async tokenFor(role, authority = 'DEMO') {
      const key = `${role}:${authority}`;
      const cached = tokens.get(key);
      if (cached && clock.now().getTime() - cached.at < 3_600_000) return cached.token;
      const token = await signIn(role, authority);
      tokens.set(key, { token, at: clock.now().getTime() });
      return token;
    },
    async close() {
      await server.stop();
      await db.drop();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
