// The audit trail as an administrator reads it: one authority's lines, newest first, narrowed by
// user, child, action and time, each with the name and email of the user who acted. A child is
// found both where a line is about them and where a list or search showed them (changes.childIds).
import type { DataSource } from 'typeorm';

import { queryPrepared } from '../database/prepared';
import type { Tx } from '../database/transaction';
import { AuditEvent } from './audit-event.entity';

/** A line to write (the database numbers it). */
export type NewAuditLine = Omit<AuditEvent, 'id'>;

/** A read of one record: a SELECT using parameters $1..$n of `values`. */
export interface AuditedSelect {
  text: string;
  values: unknown[];
}

export interface AuditQuery {
  childId?: string;
  userId?: string;
  action?: string;
  /** Lines at or after this instant. */
  from?: Date;
  /** Lines before this instant. */
  to?: Date;
  limit: number;
  /** Lines older than this line id (the next page). */
  before?: string;
}

export type AuditLine = AuditEvent & { actorName: string | null; actorEmail: string | null };

/** A line's fields in the order of LINE_COLUMNS. */
const FIELDS = [
  'at',
  'authorityId',
  'actorUserId',
  'actorRole',
  'action',
  'entityType',
  'entityId',
  'childId',
  'ip',
  'changes',
] as const satisfies readonly (keyof NewAuditLine)[];
const LINE_COLUMNS =
  '(at, authority_id, actor_user_id, actor_role, action, entity_type, entity_id, child_id, ip, changes)';

/** One line from parameters $n+1..$n+10 (valueOf each of FIELDS), typed and named as LINE_COLUMNS. */
function lineFromParameters(n: number): string {
  const types = ['timestamptz', 'uuid', 'uuid', 'text', 'text', 'text', 'text', 'uuid', 'text', 'jsonb'];
  const names = LINE_COLUMNS.slice(1, -1).split(', ');
  return types.map((type, i) => `$${n + i + 1}::${type} AS ${names[i]}`).join(', ');
}

/** A field as a parameter: the changes as JSON text (an array parameter cannot carry jsonb elements). */
function valueOf(line: NewAuditLine, field: (typeof FIELDS)[number]): unknown {
  if (field !== 'changes') return line[field] ?? null;
  return line.changes ? JSON.stringify(line.changes) : null;
}

export class AuditTrailRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Writes lines in the caller's transaction (or on their own when there is none): one prepared statement however
   * many (a carer's report writes one in its transaction).
   */
  async add(tx: Tx | null, lines: NewAuditLine[]): Promise<void> {
    if (!lines.length) return;
    await queryPrepared(
      tx ?? this.db,
      `INSERT INTO audit_events ${LINE_COLUMNS}
      SELECT at, a, u, r, act, et, ei, c, ip, ch::jsonb FROM unnest($1::timestamptz[], $2::uuid[], $3::uuid[],
        $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::text[], $10::text[])
        AS t(at, a, u, r, act, et, ei, c, ip, ch)`,
      FIELDS.map((f) => lines.map((line) => valueOf(line, f))),
    );
  }

  /**
   * Runs a read and the line recording it as ONE statement (so one commit): the line is committed before any row
   * comes back, and if it cannot be written nothing is returned. No line is written when the read finds nothing.
   *
   * The commit does not wait for the disk (synchronous_commit off, for this statement's transaction only): the line
   * is in the table before the record is returned, and on disk within a fraction of a second (PostgreSQL's WAL
   * writer; at once with any other commit). Only a crash of the database server in that fraction loses it, the
   * read changed nothing, and waiting for the disk was most of a read's cost (docs/decisions/audited-read-plain.md).
   */
  readRecorded<T>(select: AuditedSelect, line: NewAuditLine): Promise<T[]> {
    const n = select.values.length;
    return queryPrepared<T>(
      this.db,
      `WITH read AS (${select.text}),
      commit_setting AS (SELECT set_config('synchronous_commit', 'off', true)),
      audit AS (INSERT INTO audit_events ${LINE_COLUMNS}
        SELECT ${lineFromParameters(n)} FROM commit_setting WHERE EXISTS (SELECT 1 FROM read))
      SELECT * FROM read`,
      [...select.values, ...FIELDS.map((f) => valueOf(line, f))],
    );
  }

  /**
   * Writes the line, and a copy of it on the trail of the authority `owner` names (columns authority_id and child_id)
   * when that is another authority, with `changes.callerAuthorityId`. One statement either way, so a refusal takes as
   * long whether or not the record exists elsewhere. The copy is written once an hour per caller, record and route
   * (a read and an attempted change are two): enough for the holder to see each attempt, and a caller repeating one
   * cannot fill another authority's trail (their own has every line). audit_events_refusal_copies finds an earlier
   * copy.
   */
  async addWithOwnersCopy(line: NewAuditLine, owner: AuditedSelect): Promise<void> {
    await queryPrepared(
      this.db,
      `WITH owner AS (${owner.text}),
      line AS (SELECT ${lineFromParameters(owner.values.length)})
      INSERT INTO audit_events ${LINE_COLUMNS}
      SELECT * FROM line
      UNION ALL
      SELECT l.at, o.authority_id, l.actor_user_id, l.actor_role, l.action, l.entity_type, l.entity_id, o.child_id,
        l.ip, coalesce(l.changes, '{}') || jsonb_build_object('callerAuthorityId', l.authority_id)
      FROM line l, owner o WHERE o.authority_id <> l.authority_id
        AND NOT EXISTS (SELECT 1 FROM audit_events x WHERE x.changes ? 'callerAuthorityId'
          AND x.actor_user_id = l.actor_user_id AND x.entity_id = l.entity_id AND x.at > l.at - interval '1 hour'
          AND x.changes->>'route' = l.changes->>'route')`,
      [...owner.values, ...FIELDS.map((f) => valueOf(line, f))],
    );
  }

  async list(authorityId: string, query: AuditQuery): Promise<AuditLine[]> {
    const values: unknown[] = [authorityId];
    const param = (v: unknown) => {
      values.push(v);
      return `$${values.length}`;
    };
    const where = ['e.authority_id = $1'];
    if (query.childId) {
      const child = param(query.childId);
      where.push(`(e.child_id = ${child}::uuid OR (e.changes -> 'childIds') @> jsonb_build_array(${child}::text))`);
    }
    if (query.userId) where.push(`e.actor_user_id = ${param(query.userId)}::uuid`);
    if (query.action) where.push(`e.action = ${param(query.action)}`);
    if (query.from) where.push(`e.at >= ${param(query.from)}`);
    if (query.to) where.push(`e.at < ${param(query.to)}`);
    if (query.before) where.push(`e.id < ${param(query.before)}::bigint`);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT e.id::text AS id, e.at, e.authority_id, e.actor_user_id, e.actor_role, e.action, e.entity_type, e.entity_id,
              e.child_id, e.ip, e.changes, u.name AS actor_name, u.email AS actor_email
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_user_id
        WHERE ${where.join(' AND ')}
        ORDER BY e.id DESC LIMIT ${param(query.limit)}`,
      values,
    );
    return rows.map(
      (r) =>
        ({
          id: r.id,
          at: r.at,
          authorityId: r.authority_id,
          actorUserId: r.actor_user_id,
          actorRole: r.actor_role,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          childId: r.child_id,
          ip: r.ip,
          changes: r.changes,
          actorName: r.actor_name,
          actorEmail: r.actor_email,
        }) as AuditLine,
    );
  }
}
