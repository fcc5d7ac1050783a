// Records that belong to a child (guardians, plans, assessments, ...) are read and written in one
// transaction that first proves the child is the caller's (another authority's child is not found)
// and writes the audit line before it commits.
import type { DataSource } from 'typeorm';

import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import { inTransaction, type Tx } from '../platform/database/transaction';
import type { Child } from './child.entity';
import type { ChildrenService } from './children.service';

export class ChildScope {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly children: ChildrenService,
  ) {}

  /**
   * Runs work against one of the caller's children; the work audits its own writes. Inside the caller's
   * transaction when given (an arrival writes the child and everything about them at once).
   */
  async run<T>(
    ctx: RequestContext,
    childId: string,
    work: (tx: Tx, child: Child) => Promise<T>,
    outer?: Tx,
  ): Promise<T> {
    return inTransaction(this.db, outer, async (tx) => work(tx, await this.children.require(tx, ctx, childId)));
  }

  /** Reads part of a child's record and audits the read in the same transaction. */
  async read<T>(
    ctx: RequestContext,
    childId: string,
    entityType: string,
    load: (tx: Tx, child: Child) => Promise<T>,
  ): Promise<T> {
    return this.run(ctx, childId, async (tx, child) => {
      await this.audit.record(tx, ctx, { action: 'read', entityType, childId });
      return load(tx, child);
    });
  }
}
