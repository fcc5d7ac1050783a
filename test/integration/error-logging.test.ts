// A database error is logged by its code, table and the statement's first words: never the values
// the statement carried (a phone number, a name) nor the driver's message, which quotes them.
import { QueryFailedError } from 'typeorm';

import { createLogger } from '../../src/platform/logger';
import { createTestDatabase, TestDatabase } from '../support/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase(2);
});
afterAll(async () => {
  await db.drop();
});

function capture() {
  const lines: string[] = [];
  return {
    lines,
    logger: createLogger('info', {
      write: (line: string) => {
        lines.push(line);
      },
    }),
  };
}

async function failure(sql: string, values: unknown[]): Promise<QueryFailedError> {
  try {
    await db.dataSource.query(sql, values);
  } catch (err) {
    return err as QueryFailedError;
  }
  throw new Error('the statement did not fail');
}

it.each([
  ['a value of the wrong type', 'SELECT $1::uuid', ['+447700900101'], '22P02'],
  [
    'a unique key taken',
    "INSERT INTO users (id, authority_id, email, name, role, password_hash, failed_attempts, created_at) SELECT gen_random_uuid(), authority_id, email, 'Amira Example', role, 'x', 0, now() FROM users LIMIT 1",
    [],
    '23505',
  ],
  ['a NUL byte', 'SELECT $1::text', ['Amira\u0000 +447700900101'], '22021'],
])('logs %s by its code only', async (_what, sql, values, code) => {
  const err = await failure(sql, values);
  const { lines, logger } = capture();
  logger.error({ err }, 'the request failed');
  logger.error({ tags: ['error'], err }, 'nested the way hapi-pino merges a request log');
  const all = lines.join('\n');
  expect(all).toContain(`"code":"${code}"`);
  for (const secret of ['+447700900101', '7700900101', 'Amira', '@', 'already exists', 'Key ('])
    expect(all).not.toContain(secret);
});

it('blanks phone numbers and email addresses in any other error', () => {
  const { lines, logger } = capture();
  logger.warn(
    { err: new Error("The 'To' number +447700900101 is not a valid phone number (ask carer@example.org)") },
    'send failed',
  );
  logger.warn({ error: 'Invalid number 07700 900101' }, 'send failed');
  const all = lines.join('\n');
  expect(all).toContain('is not a valid phone number');
  for (const secret of ['900101', 'carer@example.org']) expect(all).not.toContain(secret);
});
