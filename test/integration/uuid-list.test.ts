// A batch's ids sent as one array literal reach PostgreSQL as the same uuids, NULLs included;
// anything not shaped like a uuid goes as node-postgres would send it, and a malformed one fails
// the statement rather than matching some other row.
import { uuidList } from '../../src/platform/database/uuid-list';
import { createTestDatabase, TestDatabase } from '../support/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase(2);
});
afterAll(async () => {
  await db.drop();
});

const readBack = async (ids: (string | null)[]) =>
  (await db.dataSource.query('SELECT unnest($1::uuid[])::text AS id', [uuidList(ids)])).map(
    (r: { id: string | null }) => r.id,
  );

it('sends a thousand uuids as one literal that PostgreSQL reads back in order', async () => {
  const ids = Array.from({ length: 1000 }, () => crypto.randomUUID());
  expect(uuidList(ids)).toBe(`{${ids.join(',')}}`);
  expect(await readBack(ids)).toEqual(ids);
});

it('keeps NULLs and upper-case digits', async () => {
  expect(await readBack(['ABCDEF01-2345-6789-ABCD-EF0123456789', null])).toEqual([
    'abcdef01-2345-6789-abcd-ef0123456789',
    null,
  ]);
});

it('leaves anything else to node-postgres, and a malformed id fails the statement', async () => {
  const odd = ['0190f3c4-5b6a-7c8d-9e0f-a1b2c3d4e5f6', 'NULL', '"}'];
  expect(uuidList(odd)).toBe(odd);
  await expect(readBack(odd)).rejects.toThrow(/invalid input syntax for type uuid/);
  const shaped = ['NULL,aaa-bbbb-cccc-dddd-eeeeeeeeeeee'];
  expect(uuidList(shaped)).toBe('{NULL,aaa-bbbb-cccc-dddd-eeeeeeeeeeee}');
  await expect(readBack(shaped)).rejects.toThrow(/invalid input syntax for type uuid/);
});
