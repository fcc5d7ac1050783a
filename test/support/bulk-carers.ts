// Many children in the demo authority, each placed with one carer whose mobile is their own, so
// that load tests can text MISSING from as many numbers as they need (+447800xxxxxx, not demo numbers).
import type { TestDatabase } from './database';

export const bulkCarerMobile = (i: number) => `+447800${String(i).padStart(6, '0')}`;
export const bulkChildRef = (i: number) => `L${String(i).padStart(4, '0')}`;

/**
 * Creates children 1..count (reference L0001...) with a current placement and a carer, then gathers the
 * planner's statistics as autovacuum would soon after on a live database: without them the planner takes
 * these tables for empty and walks every current placement to find one carer's number.
 */
export async function createBulkCarers(test: TestDatabase, count: number, now = new Date()): Promise<void> {
  const db = test.dataSource;
  const [{ id: authority }] = await db.query(`SELECT id FROM local_authorities WHERE code = 'DEMO'`);
  const [worker] = await db.query(
    `SELECT id FROM users WHERE authority_id = $1 AND role = 'social_worker' ORDER BY email LIMIT 1`,
    [authority],
  );
  await db.query(
    `INSERT INTO children (authority_id, reference, local_id, first_names, last_name, date_of_birth, sex, trafficking_status,
      social_worker_id, care_started_at, created_at, updated_at)
    SELECT $1, 'L' || lpad(i::text, 4, '0'), 'LOAD' || i, 'Load', 'Test', '2010-01-01', 1, 'suspected', $4, $2::timestamptz - interval '30 days', $2, $2
    FROM generate_series(1, $3) AS i`,
    [authority, now, count, worker?.id ?? null],
  );
  await db.query(
    `INSERT INTO placements (authority_id, child_id, type, provider, address, started_at, created_at)
    SELECT $1, id, 'foster', 'Load test carers', '1 Test Street', $2::timestamptz - interval '30 days', $2 FROM children WHERE local_id LIKE 'LOAD%'`,
    [authority, now],
  );
  await db.query(
    `INSERT INTO placement_carers (authority_id, placement_id, name, mobile)
    SELECT $1, p.id, 'Carer ' || c.reference, '+447800' || lpad(substr(c.local_id, 5), 6, '0')
    FROM placements p JOIN children c ON c.id = p.child_id WHERE c.local_id LIKE 'LOAD%'`,
    [authority],
  );
  await test.asOwner('ANALYZE children, placements, placement_carers');
}
