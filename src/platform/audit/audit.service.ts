// Writes and reads the audit trail. Every read and change of a child's record goes through here,
// in the same transaction as the change, so a change without its audit line cannot commit.
import type { DataSource } from 'typeorm';

import type { RequestContext } from '../auth/actor';
import type { Clock } from '../clock';
import type { Tx } from '../database/transaction';
import { AuditUnavailable } from '../errors';
import { AuditEvent } from './audit-event.entity';
import { AuditLine, AuditQuery, AuditTrailRepository } from './audit-trail.repository';

export interface AuditEntry {
  action: 'read' | 'create' | 'update' | 'delete' | 'export' | 'open_link' | 'sign_in' | 'sign_out' | string;
  entityType: string;
  entityId?: string | null;
  childId?: string | null;
  changes?: Record<string, unknown> | null;
  /** For system actions with no user (a carer's text, a signed link): the authority concerned. */
  authorityId?: string | null;
  /** For actions with no signed-in user (a failed sign-in): where the request came from. */
  ip?: string | null;
}

/** A read of one record: a SELECT using parameters $1..$n of `values`. */
export interface AuditedSelect {
  text: string;
  values: unknown[];
}

/** A record a list showed: its id, and its child's (the same id for a child). */
export interface ShownRecord {
  id: string;
  childId: string | null;
}

export class AuditService {
  private readonly trail: AuditTrailRepository;

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {
    this.trail = new AuditTrailRepository(db);
  }

  async record(tx: Tx | null, ctx: RequestContext | null, entry: AuditEntry): Promise<void> {
    const manager = tx ?? this.db.manager;
    await manager.insert(AuditEvent, {
      at: this.clock.now(),
      authorityId: ctx?.actor.authorityId ?? entry.authorityId ?? null,
      actorUserId: ctx?.actor.userId ?? null,
      actorRole: ctx?.actor.role ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      childId: entry.childId ?? null,
      ip: ctx?.ip ?? entry.ip ?? null,
      changes: (entry.changes ?? null) as never,
    });
  }

  /** One statement for many lines (an export that reads many children's records). */
  async recordMany(tx: Tx | null, ctx: RequestContext, entries: AuditEntry[]): Promise<void> {
    if (!entries.length) return;
    const at = this.clock.now();
    await (tx ?? this.db.manager).insert(
      AuditEvent,
      entries.map((entry) => ({
        at,
        authorityId: ctx.actor.authorityId,
        actorUserId: ctx.actor.userId,
        actorRole: ctx.actor.role,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId ?? null,
        childId: entry.childId ?? null,
        ip: ctx.ip,
        changes: (entry.changes ?? null) as never,
      })),
    );
  }

  /**
   * Runs a read and the audit line of that read as ONE statement (so one commit): the line is
   * committed before any row comes back, and if it cannot be written nothing is returned. No line
   * is written when the read finds nothing.
   */
  async readAudited<T>(ctx: RequestContext, entry: AuditEntry, select: AuditedSelect): Promise<T[]> {
    const n = select.values.length;
    try {
      return await this.db.query(
        `WITH read AS (${select.text}),
        audit AS (INSERT INTO audit_events
            (at, authority_id, actor_user_id, actor_role, action, entity_type, entity_id, child_id, ip, changes)
          SELECT $${n + 1}::timestamptz, $${n + 2}::uuid, $${n + 3}::uuid, $${n + 4}::text, $${n + 5}::text,
            $${n + 6}::text, $${n + 7}::text, $${n + 8}::uuid, $${n + 9}::text, $${n + 10}::jsonb
          WHERE EXISTS (SELECT 1 FROM read))
        SELECT * FROM read`,
        [
          ...select.values,
          this.clock.now(),
          ctx.actor.authorityId,
          ctx.actor.userId,
          ctx.actor.role,
          entry.action,
          entry.entityType,
          entry.entityId ?? null,
          entry.childId ?? null,
          ctx.ip,
          entry.changes ? JSON.stringify(entry.changes) : null,
        ],
      );
    } catch (err) {
      throw new AuditUnavailable(
        'The record was not shown because reading it could not be recorded in the audit trail. Try again in a moment; if it keeps happening, tell support.',
        err,
      );
    }
  }

  /** The caller's authority's trail, narrowed by the query, with who acted (name and email). */
  async list(ctx: RequestContext, query: AuditQuery): Promise<AuditLine[]> {
    return this.trail.list(ctx.actor.authorityId, query);
  }

  /**
   * The line for a list or search read: which records it showed (ids only), and their children in
   * `childIds` so that "who saw this child, including in a list?" finds it. Never the search text.
   */
  async recordShown(
    tx: Tx | null,
    ctx: RequestContext,
    entityType: string,
    shown: ShownRecord[],
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    const childIds = [...new Set(shown.map((r) => r.childId).filter((c): c is string => !!c))];
    await this.record(tx, ctx, {
      action: 'list',
      entityType,
      changes: { ...extra, count: shown.length, ids: shown.map((r) => r.id), childIds },
    });
  }
}

/** Field-level differences for the audit line; values of personal fields are not copied. */
export function changedFields<T extends object>(before: T, after: Partial<T>): Record<string, unknown> {
  const fields = Object.keys(after).filter(
    (k) =>
      JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify((after as Record<string, unknown>)[k]),
  );
  return { fields };
}
