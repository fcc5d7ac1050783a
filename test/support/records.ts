// Helpers for tests of a child's records: call the API as a demo role, find demo children, and
// read what the audit trail recorded.
import type { Role } from '../../src/platform/auth/roles';
import { bearer, TestApp } from './app';

export interface As {
  role?: Role;
  authority?: 'DEMO' | 'OTHER';
}

export function apiOf(app: TestApp) {
  return async (method: string, url: string, payload?: object, as: As = {}) =>
    app.server.inject({
      method,
      url,
      payload,
      headers: bearer(await app.tokenFor(as.role ?? 'social_worker', as.authority ?? 'DEMO')),
    });
}

export async function demoChildId(app: TestApp, reference: string): Promise<string> {
  const [row] = await app.db.dataSource.query('SELECT id FROM children WHERE reference = $1', [reference]);
  return row.id;
}

/** The fields a 400 named, sorted. */
export function fieldsNamed(res: { result: unknown }): string[] {
  return ((res.result as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field).sort();
}

export async function auditActions(app: TestApp, childId: string, entityType: string): Promise<string[]> {
  const rows = await app.db.dataSource.query(
    'SELECT action FROM audit_events WHERE child_id = $1 AND entity_type = $2 ORDER BY id',
    [childId, entityType],
  );
  return rows.map((r: { action: string }) => r.action);
}

export const UNKNOWN_ID = '9b2f7c1e-4d3a-4f6b-8a1c-2e5d7f9a0b3c';

/** The newest audit line's id ('0' when none): lines after it are what a test's requests wrote. */
export async function lastAuditId(app: TestApp): Promise<string> {
  const [row] = await app.db.dataSource.query('SELECT coalesce(max(id), 0)::text AS id FROM audit_events');
  return row.id;
}
