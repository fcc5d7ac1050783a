// Children: register, read (audited), list and change. Carers and police never come through here.
import type { DataSource } from 'typeorm';

import { AuditService, changedFields } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import { inTransaction, type Tx } from '../platform/database/transaction';
import { checkDates, checkEventTimes, englandDate } from '../platform/dates';
import { Conflict, Invalid, NotFound } from '../platform/errors';
import { Child } from './child.entity';
import { newChildReference } from './child-reference';
import { ChildTiesRepository } from './child-ties.repository';
import { ChildFilter, ChildrenRepository } from './children.repository';

export type ChildInput = Omit<
  Partial<Child>,
  'id' | 'authorityId' | 'reference' | 'createdAt' | 'updatedAt' | 'careStartedAt' | 'careEndedAt' | 'careEndReason'
> & { careStartedAt?: Date };

export class ChildrenService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly repo = new ChildrenRepository(),
    private readonly ties = new ChildTiesRepository(),
  ) {}

  /** Registers a child; inside the caller's transaction when given. Without a local id, the reference stands in. */
  async create(ctx: RequestContext, input: ChildInput, outer?: Tx): Promise<Child> {
    return inTransaction(this.db, outer, async (tx) => {
      const authorityId = ctx.actor.authorityId;
      if (input.localId && (await this.repo.localIdTaken(tx, authorityId, input.localId))) {
        throw new Conflict(`Another child in this authority already has the local id ${input.localId}.`);
      }
      const now = this.clock.now();
      checkChildDates(now, input);
      await this.checkSocialWorker(tx, ctx, null, input.socialWorkerId);
      const reference = await this.freeReference(tx, authorityId);
      if (!input.localId && (await this.repo.localIdTaken(tx, authorityId, reference))) {
        throw new Conflict(`Another child in this authority already has the local id ${reference}; enter a local id.`);
      }
      const child = await this.repo.insert(tx, {
        aliases: [],
        dobEstimated: false,
        ageDisputed: false,
        interpreterNeeded: false,
        uasc: false,
        ...input,
        localId: input.localId || reference,
        authorityId,
        reference,
        careStartedAt: input.careStartedAt ?? now,
        createdAt: now,
        updatedAt: now,
      });
      await this.audit.record(tx, ctx, {
        action: 'create',
        entityType: 'child',
        entityId: child.id,
        childId: child.id,
      });
      return child;
    });
  }

  /**
   * Reads one child's record and audits the read, in one statement: the audit line commits before the record is
   * returned.
   */
  async get(ctx: RequestContext, id: string): Promise<Child> {
    const [child] = await this.audit.readAudited<Child>(
      ctx,
      { action: 'read', entityType: 'child', entityId: id, childId: id },
      this.repo.byIdQuery(this.db, ctx.actor.authorityId, id),
    );
    if (!child) throw new NotFound('No child with that id was found.');
    return child;
  }

  async list(ctx: RequestContext, filter: ChildFilter): Promise<{ items: Child[]; total: number }> {
    const result = await this.repo.list(this.db.manager, ctx.actor.authorityId, filter);
    await this.audit.recordShown(
      null,
      ctx,
      'child',
      result.items.map((c) => ({ id: c.id, childId: c.id })),
      { searched: !!filter.search },
    );
    return result;
  }

  /** `alsoRecord` runs in the same transaction with the record as it was (a correction keeps its before and after). */
  async update(
    ctx: RequestContext,
    id: string,
    changes: ChildInput,
    alsoRecord?: (tx: Tx, before: Child) => Promise<void>,
  ): Promise<Child> {
    return this.db.transaction(async (tx) => {
      const child = await this.require(tx, ctx, id);
      if (changes.localId && (await this.repo.localIdTaken(tx, child.authorityId, changes.localId, id))) {
        throw new Conflict(`Another child in this authority already has the local id ${changes.localId}.`);
      }
      checkChildDates(this.clock.now(), { ...child, ...changes });
      if (changes.socialWorkerId !== child.socialWorkerId)
        await this.checkSocialWorker(tx, ctx, id, changes.socialWorkerId);
      const diff = changedFields(child, changes);
      await alsoRecord?.(tx, { ...child });
      const saved = await this.repo.update(tx, child, { ...changes, updatedAt: this.clock.now() });
      await this.audit.record(tx, ctx, {
        action: 'update',
        entityType: 'child',
        entityId: id,
        childId: id,
        changes: diff,
      });
      return saved;
    });
  }

  /** Loads a child of the caller's authority or fails with NotFound; for other services' use. */
  async require(tx: Tx, ctx: RequestContext, id: string): Promise<Child> {
    const child = await this.repo.findById(tx, ctx.actor.authorityId, id);
    if (!child) throw new NotFound('No child with that id was found.');
    return child;
  }

  /**
   * The allocated worker receives the child's alerts, so it must be a social worker of this authority.
   * Another authority's id and an id that does not exist get one answer, so ids cannot be probed.
   */
  private async checkSocialWorker(
    tx: Tx,
    ctx: RequestContext,
    childId: string | null,
    userId: string | null | undefined,
  ): Promise<void> {
    if (!userId || (await this.ties.isSocialWorker(tx, ctx.actor.authorityId, userId))) return;
    // Outside the transaction, which the refusal rolls back: a probe for ids leaves its trace.
    await this.audit.record(null, ctx, {
      action: 'refused',
      entityType: 'child',
      entityId: childId,
      childId,
      changes: { reason: 'invalid_reference', field: 'socialWorkerId' },
    });
    const message = 'socialWorkerId is not a social worker in your authority';
    throw new Invalid(`${message}.`, { errors: [{ field: 'socialWorkerId', message }] });
  }

  private async freeReference(tx: Tx, authorityId: string): Promise<string> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const ref = newChildReference();
      if (!(await this.repo.referenceTaken(tx, authorityId, ref))) return ref;
    }
    throw new Conflict('Could not allocate a free child reference; please try again.');
  }
}

/** A birth, an arrival and the start of care are not in the future; arrival and care do not precede birth. */
function checkChildDates(now: Date, child: Pick<ChildInput, 'dateOfBirth' | 'arrivalDate' | 'careStartedAt'>): void {
  const today = englandDate(now);
  checkDates([
    { field: 'dateOfBirth', value: child.dateOfBirth, max: today, message: 'dateOfBirth cannot be in the future' },
    { field: 'arrivalDate', value: child.arrivalDate, max: today, message: 'arrivalDate cannot be in the future' },
    {
      field: 'arrivalDate',
      value: child.arrivalDate,
      min: child.dateOfBirth,
      message: "arrivalDate cannot be before the child's date of birth",
    },
  ]);
  checkEventTimes(now, child.dateOfBirth, [{ field: 'careStartedAt', at: child.careStartedAt }]);
}
