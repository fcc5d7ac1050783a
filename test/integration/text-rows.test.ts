// Batches of rows sent as one text parameter come back from PostgreSQL field for field, whatever
// the fields hold: separators, a literal \N, empty strings, NULLs, quotes, newlines and any script.
import { TextField, textRows } from '../../src/platform/database/text-rows';
import { createTestDatabase, TestDatabase } from '../support/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase(2);
});
afterAll(async () => {
  await db.drop();
});

async function roundTrip(rows: TextField[][]): Promise<TextField[][]> {
  const t = textRows(rows, 1);
  const back: { n: string; a: string | null; b: string | null; c: string | null }[] = await db.dataSource.query(
    `SELECT ${t.field(0)} AS n, ${t.field(1)} AS a, ${t.field(2)} AS b, ${t.field(3)} AS c FROM ${t.source}`,
    [t.param],
  );
  return back.sort((x, y) => Number(x.n) - Number(y.n)).map((r) => [r.n, r.a, r.b, r.c]);
}

it('returns plain rows as given, NULLs and empty strings apart', async () => {
  const rows: TextField[][] = [
    ['1', 'Duty manager', null, ''],
    ['2', '{"a":"b \\"q\\"\\n"}', 'Ŵelsh – “quotes” 😀', 'line\nbreak\ttab'],
    ['3', "'; DROP TABLE notifications; --", '<script>alert(1)</script>', '\\'],
  ];
  expect(await roundTrip(rows)).toEqual(rows);
});

it('returns rows whose fields hold the separators or a literal \\N, by the slower path', async () => {
  const rows: TextField[][] = [
    ['1', 'a\u001fb', 'c\u001ed', '\\N'],
    ['2', null, '', 'plain'],
  ];
  expect(await roundTrip(rows)).toEqual(rows);
  expect(await roundTrip([['1', '\\N', null, 'x']])).toEqual([['1', '\\N', null, 'x']]);
});

it('returns a thousand rows in order of their numbers', async () => {
  const rows: TextField[][] = Array.from({ length: 1000 }, (_, i) => [
    String(i),
    `row ${i}`,
    i % 3 ? null : 'x',
    String(i * 2),
  ]);
  expect(await roundTrip(rows)).toEqual(rows);
});
