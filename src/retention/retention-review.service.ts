// Review, not silent deletion. The nightly scan lists what has passed its date; one person asks to
// anonymise or shorten an item, a different person approves, and only then is it done, leaving a
// tombstone. A standing legal hold on the child, or the inquiry hold on the rule, refuses it. A rule
// marked automatic (message bodies and texts only) shortens at the scan, with a tombstone too.
import type { DataSource } from 'typeorm';

import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { today } from '../platform/dates';
import { Conflict, Forbidden, NotFound } from '../platform/errors';
import { DisposalRepository } from './disposal.repository';
import { LegalHoldsRepository } from './legal-holds.repository';
import { type ReviewedKind, reviewedKinds } from './retention-kinds';
import { RetentionReviewsRepository, ReviewItem, Tombstone } from './retention-reviews.repository';
import { addYears, cutoffFor, type RetentionRule } from './retention-rule';
import type { RetentionRulesService } from './retention-rules.service';
import { RetentionScanRepository } from './retention-scan.repository';

export interface ScanCounts {
  found: number;
  shortened: number;
}

export class RetentionReviewService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly rules: RetentionRulesService,
    private readonly reviews = new RetentionReviewsRepository(),
    private readonly scans = new RetentionScanRepository(),
    private readonly holds = new LegalHoldsRepository(),
    private readonly disposal = new DisposalRepository(),
  ) {}

  /** The nightly job: every authority, every reviewed kind. */
  async scan(): Promise<ScanCounts> {
    const counts = { found: 0, shortened: 0 };
    for (const authorityId of await this.rules.repo.authorities(this.db.manager))
      await this.db.transaction(async (tx) => {
        const rules = await this.rules.forAuthority(tx, authorityId);
        const held = await this.holds.heldAmong(tx, authorityId);
        for (const kind of reviewedKinds) {
          const rule = rules.find((r) => r.kind === kind);
          if (rule && rule.action !== 'keep') await this.scanKind(tx, authorityId, kind, rule, held, counts);
        }
      });
    return counts;
  }

  private async scanKind(
    tx: Tx,
    authorityId: string,
    kind: ReviewedKind,
    rule: RetentionRule,
    held: Set<string>,
    counts: ScanCounts,
  ): Promise<void> {
    const now = this.clock.now();
    for (const due of await this.scans.due(tx, kind, authorityId, cutoffFor(today(this.clock), rule.keepYears))) {
      const dueOn = addYears(due.recordDate, rule.keepYears);
      if (await this.reviews.add(tx, authorityId, kind, rule.action, due, dueOn, now)) counts.found++;
    }
    if (!rule.automatic || rule.action !== 'shorten') return;
    // Every item of this kind still waiting, including those listed before the rule became automatic.
    for (const item of await this.reviews.list(tx, authorityId, ['due'])) {
      if (item.kind !== kind || (item.childId && held.has(item.childId))) continue;
      await this.carryOut(tx, authorityId, item, null, rule);
      counts.shortened++;
    }
  }

  async list(ctx: RequestContext, statuses: string[] = ['due', 'asked']): Promise<ReviewItem[]> {
    const items = await this.reviews.list(this.db.manager, ctx.actor.authorityId, statuses);
    await this.audit.recordShown(
      null,
      ctx,
      'retention_review',
      items.map((i) => ({ id: i.id, childId: i.childId })),
    );
    return items;
  }

  async tombstones(ctx: RequestContext): Promise<Tombstone[]> {
    return this.reviews.tombstones(this.db.manager, ctx.actor.authorityId);
  }

  /** The first person: asks for the item's action, with a reason. */
  async ask(ctx: RequestContext, id: string, reason: string): Promise<ReviewItem> {
    return this.decide(ctx, id, 'ask', async (tx, item, rule) => {
      if (item.status !== 'due') throw new Conflict('Someone has already asked for this, or it has been decided.');
      await this.refuseIfHeld(tx, ctx, item, rule);
      await this.reviews.ask(tx, id, ctx.actor.userId, reason, this.clock.now());
    });
  }

  /** The second person: approves, and the action is carried out at once. */
  async approve(ctx: RequestContext, id: string): Promise<ReviewItem> {
    return this.decide(ctx, id, 'approve', async (tx, item, rule) => {
      if (item.status !== 'asked') throw new Conflict('Only an item someone has asked for can be approved.');
      if (item.askedById === ctx.actor.userId)
        throw new Forbidden('A different person must approve: the one who asked cannot approve their own request.');
      await this.refuseIfHeld(tx, ctx, item, rule);
      await this.carryOut(tx, ctx.actor.authorityId, item, ctx.actor.userId, rule);
    });
  }

  /** Keep the record after all (for now), with a reason: the item closes and the next scan may find it again. */
  async keep(ctx: RequestContext, id: string, reason: string): Promise<ReviewItem> {
    return this.decide(ctx, id, 'keep', async (tx, item) => {
      if (item.status === 'done' || item.status === 'kept') throw new Conflict('This item has already been decided.');
      await this.reviews.decide(tx, id, 'kept', ctx.actor.userId, this.clock.now(), reason);
    });
  }

  private async decide(
    ctx: RequestContext,
    id: string,
    step: string,
    work: (tx: Tx, item: ReviewItem, rule: RetentionRule) => Promise<void>,
  ): Promise<ReviewItem> {
    return this.db.transaction(async (tx) => {
      const item = await this.reviews.lock(tx, ctx.actor.authorityId, id);
      if (!item) throw new NotFound('No review item with that id was found.');
      const rule = (await this.rules.forAuthority(tx, ctx.actor.authorityId)).find((r) => r.kind === item.kind)!;
      await work(tx, item, rule);
      await this.audit.record(tx, ctx, {
        action: `retention_${step}`,
        entityType: 'retention_review',
        entityId: id,
        childId: item.childId,
        changes: { kind: item.kind, recordId: item.recordId },
      });
      return (await this.reviews.lock(tx, ctx.actor.authorityId, id))!;
    });
  }

  private async refuseIfHeld(tx: Tx, ctx: RequestContext, item: ReviewItem, rule: RetentionRule): Promise<void> {
    const legal = item.childId ? await this.holds.standing(tx, item.childId) : false;
    if (!legal && !(rule.inquiryHold && item.kind === 'child_record')) return;
    // Outside the transaction, which the refusal rolls back: the attempt stays on record.
    await this.audit.record(null, ctx, {
      action: 'refused',
      entityType: 'retention_review',
      entityId: item.id,
      childId: item.childId,
      changes: { reason: legal ? 'legal_hold' : 'inquiry_hold' },
    });
    throw new Conflict(
      legal
        ? 'A legal hold stands on this child’s records, so nothing can be anonymised or removed until it is released.'
        : 'The inquiry hold on this kind of record stands, so it cannot be anonymised. The data protection ' +
            'officer can lift it in the retention rules when the inquiry’s request is withdrawn.',
    );
  }

  private async carryOut(tx: Tx, authorityId: string, item: ReviewItem, approver: string | null, rule: RetentionRule) {
    const now = this.clock.now();
    await this.disposal.dispose(tx, item.kind as ReviewedKind, item.recordId, now);
    await this.reviews.decide(tx, item.id, 'done', approver, now);
    await this.reviews.tombstone(tx, authorityId, item, approver, now, rule.source);
    if (approver === null)
      await this.audit.record(tx, null, {
        action: 'retention_automatic',
        entityType: 'retention_review',
        entityId: item.id,
        childId: item.childId,
        authorityId,
        changes: { kind: item.kind, recordId: item.recordId },
      });
  }
}
