// Asks PostgreSQL what the service's own connection could do beyond what the service needs. Any of
// these would let a compromised service (or a stolen connection string) rewrite or switch off the
// append-only audit trail, so production refuses to start with them.
import type { DataSource } from 'typeorm';

interface RoleFacts {
  role: string;
  superuser: boolean;
  bypassrls: boolean;
  createrole: boolean;
  owns_audit: boolean;
  rewrites_audit: boolean;
  creates_in_schema: boolean;
  creates_in_database: boolean;
  version: number;
}

const FACTS = `
  SELECT r.rolname AS role, r.rolsuper AS superuser, r.rolbypassrls AS bypassrls, r.rolcreaterole AS createrole,
    pg_has_role(current_user, c.relowner, 'USAGE') AS owns_audit,
    has_table_privilege(c.oid, 'UPDATE') OR has_table_privilege(c.oid, 'DELETE')
      OR has_table_privilege(c.oid, 'TRUNCATE') OR has_table_privilege(c.oid, 'TRIGGER') AS rewrites_audit,
    has_schema_privilege('public', 'CREATE') AS creates_in_schema,
    has_database_privilege(current_database(), 'CREATE') AS creates_in_database,
    current_setting('server_version_num')::int AS version
  FROM pg_roles r, pg_class c
  WHERE r.rolname = current_user AND c.oid = 'public.audit_events'::regclass`;

export interface RoleCheck {
  role: string;
  problems: string[];
}

/** What the connected role could do that the service's role must not; none for a least-privilege role. */
export async function checkServiceRole(dataSource: DataSource): Promise<RoleCheck> {
  const [facts] = (await dataSource.query(FACTS)) as RoleFacts[];
  const problems: string[] = [];
  if (facts.superuser) problems.push('it is a superuser');
  if (facts.bypassrls) problems.push('it can bypass row-level security (BYPASSRLS)');
  if (facts.createrole) problems.push('it can create roles and grant itself more (CREATEROLE)');
  if (facts.owns_audit)
    problems.push('it owns the audit_events table (or is a member of its owner), so it can disable its trigger');
  if (facts.rewrites_audit) problems.push('it may UPDATE, DELETE, TRUNCATE or add triggers to audit_events');
  if (facts.creates_in_schema) problems.push('it may CREATE objects in schema public');
  if (facts.creates_in_database) problems.push('it may CREATE schemas in the database');
  if (!facts.superuser && facts.version >= 150000 && (await canSetReplicationRole(dataSource))) {
    problems.push('it may SET session_replication_role, which silences every trigger');
  }
  return { role: facts.role, problems };
}

// has_parameter_privilege exists from PostgreSQL 15; before it only superusers could set this.
async function canSetReplicationRole(dataSource: DataSource): Promise<boolean> {
  const [row] = (await dataSource.query(
    `SELECT has_parameter_privilege('session_replication_role', 'SET') AS allowed`,
  )) as { allowed: boolean }[];
  return row.allowed;
}
