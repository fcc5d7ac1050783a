// Rows written by binary COPY come back from PostgreSQL field for field, for every type the
// encoder writes: NULLs, empty and multi-byte text, JSON, instants to the millisecond, booleans,
// integers at their limits, and batches large enough to span several chunks. A value the encoder
// cannot write is refused by name before anything reaches the database.
import { copyRows, CopyType, encodeRows } from '../../src/platform/database/copy-rows';
import type { TextField } from '../../src/platform/database/text-rows';
import { createTestDatabase, TestDatabase } from '../support/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase(2);
  await db.asOwner('CREATE TABLE copied (n integer, u uuid, t text, j jsonb, b boolean, at timestamptz, tag text)');
});
afterAll(async () => {
  await db.drop();
});

const columns: Record<string, CopyType> = {
  n: 'integer',
  u: 'uuid',
  t: 'text',
  j: 'jsonb',
  b: 'boolean',
  at: 'timestamptz',
  tag: 'text',
};
const copy = (rows: TextField[][], same: TextField[] = ['batch']) =>
  db.dataSource.transaction((tx) => copyRows(tx, 'copied', encodeRows(columns, rows, same)));

async function readBack(tag: string): Promise<TextField[][]> {
  const rows: {
    n: number;
    u: string | null;
    t: string | null;
    j: string | null;
    b: boolean | null;
    at: Date | null;
  }[] = await db.dataSource.query(`SELECT n, u::text, t, j::text, b, at FROM copied WHERE tag = $1 ORDER BY n`, [tag]);
  return rows.map((r) => [
    String(r.n),
    r.u,
    r.t,
    r.j,
    r.b === null ? null : String(r.b),
    r.at ? r.at.toISOString() : null,
  ]);
}

it('returns every field as given, NULLs and empty strings apart', async () => {
  const rows: TextField[][] = [
    [
      '1',
      '0190f3c4-5b6a-7c8d-9e0f-a1b2c3d4e5f6',
      'Duty manager',
      '{"a": "b \\"q\\"\\n", "n": [1, 2.5, null]}',
      'true',
      '2026-11-23T10:00:00.123Z',
    ],
    ['2', null, '', null, 'false', null],
    [
      '3',
      'ABCDEF01-2345-6789-ABCD-EF0123456789',
      'Ŵelsh – “quotes” 😀\n\ttab \\ \u001f\u001e \\N',
      '{"emoji": "😀"}',
      null,
      '1999-12-31T23:59:59.999Z',
    ],
    ['-2147483648', null, "'; DROP TABLE copied; --", '[]', 'true', '2000-01-01T00:00:00.000Z'],
    ['2147483647', null, '<script>alert(1)</script>', '"text"', 'false', '2038-01-19T03:14:08.000Z'],
  ];
  expect(await copy(rows, ['plain'])).toBe(5);
  const expected = rows.map((r) => [...r]);
  expected[2][1] = 'abcdef01-2345-6789-abcd-ef0123456789';
  expect(await readBack('plain')).toEqual(expected.sort((a, b) => Number(a[0]) - Number(b[0])));
});

it('returns thousands of rows and text longer than a chunk, whole and in order', async () => {
  const long = 'ŵ'.repeat(200_000);
  const rows: TextField[][] = Array.from({ length: 3000 }, (_, i) => [
    String(i),
    null,
    i === 1500 ? long : `row ${i}`,
    `{"i": ${i}}`,
    null,
    null,
  ]);
  expect(await copy(rows, ['many'])).toBe(3000);
  const back = await readBack('many');
  expect(back).toHaveLength(3000);
  expect(back[1500][2]).toBe(long);
  expect(back.map((r) => r[3])).toEqual(rows.map((r) => r[3]));
});

it('returns repeated values as given, however they alternate, recur and cross a chunk', async () => {
  // The encoder copies a column's bytes from either of its last two values; this batch repeats,
  // alternates, comes back to a value three behind, and repeats one that straddles a chunk's end.
  const ids = [
    '0190f3c4-5b6a-7c8d-9e0f-a1b2c3d4e5f6',
    '0190f3c4-5b6a-7c8d-9e0f-a1b2c3d4e5f7',
    '0190f3c4-5b6a-7c8d-9e0f-a1b2c3d4e5f8',
  ];
  const texts = ['sms', 'email', 'ŵelsh 😀', 'x'.repeat(100_000)];
  const rows: TextField[][] = Array.from({ length: 600 }, (_, i) => [
    String(i),
    ids[Math.floor(i / 3) % 3],
    texts[(i * 7) % 4],
    i % 5 ? '{"same": true}' : `{"i": ${i}}`,
    i % 2 ? 'true' : 'false',
    i % 4 ? '2026-11-23T10:00:00.000Z' : '2026-11-24T10:00:00.000Z',
  ]);
  expect(await copy(rows, ['repeated'])).toBe(600);
  expect(await readBack('repeated')).toEqual(rows.map((r) => [r[0], r[1], r[2], r[3], r[4], r[5]]));
});

it.each([
  ['a UUID', ['1', '0190f3c4-5b6a-7c8d-9e0f-a1b2c3d4e5fg', null, null, null, null], /is not a UUID/],
  ['a boolean', ['1', null, null, null, 'yes', null], /is not true or false/],
  ['an integer', ['2147483648', null, null, null, null, null], /is not a 32-bit integer/],
  ['an instant', ['1', null, null, null, null, '2026-11-23 10:00:00+00'], /is not an instant/],
  ['a row of the right length', ['1', null], /a row has 3 fields; the COPY names 7 columns/],
])('refuses what is not %s, and writes nothing of the batch', async (_, bad, message) => {
  await expect(copy([['1', null, 'fine', null, null, null], bad as TextField[]], ['refused'])).rejects.toThrow(message);
  expect(await readBack('refused')).toEqual([]);
});

it('writes json as the text given, which the server still checks is JSON', async () => {
  await db.asOwner('CREATE TABLE copied_json (n integer, j json)');
  const kinds: Record<string, CopyType> = { n: 'integer', j: 'json' };
  const json = (rows: TextField[][]) =>
    db.dataSource.transaction((tx) => copyRows(tx, 'copied_json', encodeRows(kinds, rows)));
  const text = '{"b": 1,  "a": ["ŵ", null, "\\\\N"], "b": 2}';
  expect(
    await json([
      ['1', text],
      ['2', null],
    ]),
  ).toBe(2);
  expect(await db.dataSource.query('SELECT n, j::text AS j FROM copied_json ORDER BY n')).toEqual([
    { n: 1, j: text },
    { n: 2, j: null },
  ]);
  await expect(
    json([
      ['3', '{"fine": true}'],
      ['4', '{not json'],
    ]),
  ).rejects.toThrow(/json/i);
  expect(await db.dataSource.query('SELECT count(*)::int AS n FROM copied_json WHERE n > 2')).toEqual([{ n: 0 }]);
});

it('leaves nothing of a batch the database refuses', async () => {
  await expect(
    copy(
      [
        ['1', null, null, '{"fine": true}', null, null],
        ['2', null, null, '{not json', null, null],
      ],
      ['invalid'],
    ),
  ).rejects.toThrow(/json/i);
  expect(await readBack('invalid')).toEqual([]);
});
