// Reads and writes children, always inside the caller's authority: another authority's child is
// simply not found.
import type { DataSource } from 'typeorm';

import type { AuditedSelect } from '../platform/audit/audit.service';
import { entityColumns } from '../platform/database/entity-select';
import type { Tx } from '../platform/database/transaction';
import { Child } from './child.entity';

export interface ChildFilter {
  search?: string;
  missingOnly?: boolean;
  inCare?: boolean;
  limit: number;
  offset: number;
}

export class ChildrenRepository {
  private byIdText: string | null = null;

  /** One child of the authority as a plain SELECT ($1 id, $2 authority), for an audited one-statement read. */
  byIdQuery(db: DataSource, authorityId: string, id: string): AuditedSelect {
    this.byIdText ??= `SELECT ${entityColumns(db, Child, 'c')} FROM children c WHERE c.id = $1 AND c.authority_id = $2`;
    return { text: this.byIdText, values: [id, authorityId] };
  }

  async findById(tx: Tx, authorityId: string, id: string): Promise<Child | null> {
    return tx.findOne(Child, { where: { id, authorityId } });
  }

  /** Loads and row-locks a child of the authority (ending care queues behind a report of the same child), or null. */
  /** A child of any authority, for a channel that has no caller's authority yet (a carer's text names the child). */
  async findInAnyAuthority(tx: Tx, id: string): Promise<Child | null> {
    return tx.findOneBy(Child, { id });
  }

  async findForUpdate(tx: Tx, authorityId: string, id: string): Promise<Child | null> {
    return tx.findOne(Child, { where: { id, authorityId }, lock: { mode: 'pessimistic_write' } });
  }

  async findByReference(tx: Tx, authorityId: string, reference: string): Promise<Child | null> {
    return tx.findOne(Child, { where: { reference: reference.toUpperCase(), authorityId } });
  }

  async referenceTaken(tx: Tx, authorityId: string, reference: string): Promise<boolean> {
    return tx.exists(Child, { where: { reference, authorityId } });
  }

  async localIdTaken(tx: Tx, authorityId: string, localId: string, exceptId?: string): Promise<boolean> {
    const found = await tx.findOne(Child, { where: { localId, authorityId }, select: { id: true } });
    return !!found && found.id !== exceptId;
  }

  async list(tx: Tx, authorityId: string, filter: ChildFilter): Promise<{ items: Child[]; total: number }> {
    const qb = tx
      .createQueryBuilder(Child, 'c')
      .where('c.authority_id = :authorityId', { authorityId })
      .orderBy('c.last_name', 'ASC')
      .addOrderBy('c.first_names', 'ASC')
      .take(filter.limit)
      .skip(filter.offset);
    if (filter.inCare !== undefined)
      qb.andWhere(filter.inCare ? 'c.care_ended_at IS NULL' : 'c.care_ended_at IS NOT NULL');
    if (filter.search) {
      qb.andWhere(
        `(c.reference = upper(:exact) OR c.local_id = :exact OR (c.first_names || ' ' || c.last_name) ILIKE :like)`,
        { exact: filter.search, like: `%${filter.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%` },
      );
    }
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  /** The child's allocated social worker, with the addresses they can be reached at; null when none is active. */
  async socialWorker(
    tx: Tx,
    childId: string,
  ): Promise<{ id: string; name: string; mobile: string | null; email: string | null } | null> {
    const [row] = await tx.query(
      `SELECT u.id, u.name, u.mobile, u.email FROM children c JOIN users u ON u.id = c.social_worker_id
      WHERE c.id = $1 AND u.disabled_at IS NULL`,
      [childId],
    );
    return row ?? null;
  }

  async insert(tx: Tx, child: Partial<Child>): Promise<Child> {
    const saved = await tx.save(Child, tx.create(Child, child));
    return saved;
  }

  async update(tx: Tx, child: Child, changes: Partial<Child>): Promise<Child> {
    Object.assign(child, changes);
    return tx.save(Child, child);
  }
}
