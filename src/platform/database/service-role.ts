// The service's own database role and exactly what it may do. Run as the owner after migrations, so a
// new table gets its grants however the database was set up; the owner keeps DDL and the audit
// trail's trigger to itself, and the service may only add to and read the audit trail.
import { escapeIdentifier, escapeLiteral } from 'pg';

export interface SqlRunner {
  query(sql: string): Promise<unknown>;
}
export interface ParameterisedRunner {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Every statement that gives `role` the service's privileges on the current database, and no more. */
export function serviceRoleGrants(role: string): string[] {
  const r = escapeIdentifier(role);
  return [
    // Start from nothing, so a privilege granted by hand earlier (ALL, TRUNCATE, TRIGGER) does not linger.
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${r}`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `REVOKE UPDATE, DELETE ON audit_events FROM ${r}`,
    // TypeORM reads the migrations table at start to see whether any are pending; only the owner writes it.
    `REVOKE INSERT, UPDATE, DELETE ON migrations FROM ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    // Tables the owner creates later (a test's scratch table, a migration run by hand) are usable at once.
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
  ];
}

/** Gives `role` the service's privileges, in one transaction of the caller's. */
export async function grantServiceRole(runner: SqlRunner, role: string): Promise<void> {
  for (const statement of serviceRoleGrants(role)) await runner.query(statement);
}

/**
 * Creates (or resets) a login role with no special attributes, for the embedded PostgreSQL and the
 * tests, where we hold the superuser. On a server an administrator creates it (docs/database-roles.md).
 */
export async function ensureLoginRole(runner: ParameterisedRunner, role: string, password: string): Promise<void> {
  const found = await runner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  const verb = found.rows.length ? 'ALTER' : 'CREATE';
  // Role statements take no parameters, hence the quoting; neither value comes from outside the service.
  await runner.query(
    `${verb} ROLE ${escapeIdentifier(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS` +
      ` PASSWORD ${escapeLiteral(password)}`,
  );
}
