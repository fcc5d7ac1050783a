// Writes and reads the audit trail. Every read and change of a child's record goes through here,
// in the same transaction as the change, so a change without its audit line cannot commit.
import type { DataSource } from 'typeorm';

import type { RequestContext } from '../auth/actor';
import type { Clock } from '../clock';
import type { Tx } from '../database/transaction';
import { AuditUnavailable } from '../errors';
import {
  type AuditedSelect,
  AuditLine,
  AuditQuery,
  AuditTrailRepository,
  type NewAuditLine,
} from './audit-trail.repository';

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

export type { AuditedSelect };

/** A refusal's copy for the record's authority could not be written (the caller's own line was). */
export class OwnersCopyFailed extends Error {
  readonly code: string | undefined;
  constructor(cause: unknown) {
    super("the refusal's copy for the record's authority could not be written", { cause });
    this.code = (cause as { code?: string }).code;
  }
}

/** A record a list showed: its id, and its child's (the same id for a child). */
export interface ShownRecord {
  id: string;
  childId: string | null;
}

/** The line for an entry: the signed-in person when there is one, else what the entry says (a text, a link). */
function lineOf(ctx: RequestContext | null, entry: AuditEntry, at: Date): NewAuditLine {
  return {
    at,
    authorityId: ctx?.actor.authorityId ?? entry.authorityId ?? null,
    actorUserId: ctx?.actor.userId ?? null,
    actorRole: ctx?.actor.role ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    childId: entry.childId ?? null,
    ip: ctx?.ip ?? entry.ip ?? null,
    changes: entry.changes ?? null,
  };
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
    await this.trail.add(tx, [lineOf(ctx, entry, this.clock.now())]);
  }

  /**
   * A refusal's line, copied onto the trail of the authority holding the refused record when that is another
   * (`owner`: a select of its authority_id and child_id; see AuditTrailRepository.addWithOwnersCopy).
   */
  async recordRefusal(ctx: RequestContext, entry: AuditEntry, owner: AuditedSelect | null): Promise<void> {
    const line = lineOf(ctx, entry, this.clock.now());
    if (!owner) return this.trail.add(null, [line]);
    try {
      await this.trail.addWithOwnersCopy(line, owner);
    } catch (err) {
      // The owner's select reads tables the caller's line alone never did (a lock, a cancelled statement):
      // the caller's line is still written, and the failure reported.
      await this.trail.add(null, [line]);
      throw new OwnersCopyFailed(err);
    }
  }

  /** One statement for many lines (an export that reads many children's records). */
  async recordMany(tx: Tx | null, ctx: RequestContext, entries: AuditEntry[]): Promise<void> {
    if (!entries.length) return;
    const at = this.clock.now();
    await this.trail.add(
      tx,
      entries.map((entry) => lineOf(ctx, entry, at)),
    );
  }

  /**
   * Runs a read and the audit line of that read as ONE statement (so one commit): the line is
   * committed before any row comes back, and if it cannot be written nothing is returned. No line
   * is written when the read finds nothing.
   */
  async readAudited<T>(ctx: RequestContext, entry: AuditEntry, select: AuditedSelect): Promise<T[]> {
    try {
      return await this.trail.readRecorded<T>(select, lineOf(ctx, entry, this.clock.now()));
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
