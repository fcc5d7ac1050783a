// Subject access requests (UK GDPR art. 15): recorded with the date received, the deadline tracked
// (paused for clarification, extended), everything held about the person assembled with every other
// child scrubbed out, the officer's redactions applied, and each step audited.
import type { DataSource } from 'typeorm';

import type { ChildrenService } from '../children/children.service';
import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { today } from '../platform/dates';
import { Conflict, invalidFields, NotFound } from '../platform/errors';
import { presentRequest } from './sar.presenter';
import { carerQueries, childQueries, SarAssemblyRepository } from './sar-assembly.repository';
import { deadlineOf } from './sar-deadline';
import { applyRedactions, itemsOf, otherChildScrubber, SarSection, scrubValue } from './sar-document';
import { NewRequest, Redaction, SarRow, SubjectAccessRepository } from './subject-access.repository';

export type SarView = ReturnType<typeof presentRequest>;
export type Mark = Omit<Redaction, 'id' | 'markedAt'>;

export class SubjectAccessService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly children: ChildrenService,
    private readonly zone: string,
    private readonly repo = new SubjectAccessRepository(),
    private readonly assembly = new SarAssemblyRepository(),
  ) {}

  private view = (r: SarRow): SarView => presentRequest(r, deadlineOf(r, today(this.clock)), this.zone);

  async list(ctx: RequestContext): Promise<SarView[]> {
    const rows = await this.repo.list(this.db.manager, ctx.actor.authorityId);
    await this.audit.recordShown(
      null,
      ctx,
      'subject_access_request',
      rows.map((r) => ({ id: r.id, childId: r.childId })),
    );
    return rows.map(this.view);
  }

  async create(ctx: RequestContext, input: NewRequest): Promise<SarView> {
    if (input.receivedOn > today(this.clock))
      throw invalidFields([{ field: 'receivedOn', message: 'the date received cannot be in the future' }]);
    return this.db.transaction(async (tx) => {
      if (input.childId) await this.children.require(tx, ctx, input.childId);
      const id = await this.repo.insert(tx, ctx.actor.authorityId, input, ctx.actor.userId, this.clock.now());
      await this.audit.record(tx, ctx, {
        action: 'create',
        entityType: 'subject_access_request',
        entityId: id,
        childId: input.childId,
        changes: { subjectKind: input.subjectKind, receivedOn: input.receivedOn },
      });
      return this.view((await this.repo.find(tx, ctx.actor.authorityId, id))!);
    });
  }

  /** The request, its marks and the assembled, redacted record (a read of the child's record: audited). */
  async get(ctx: RequestContext, id: string) {
    return this.db.transaction(async (tx) => {
      const request = await this.require(tx, ctx, id);
      const marks = await this.repo.redactions(tx, id);
      const unredacted = await this.assemble(tx, ctx.actor.authorityId, request);
      await this.audited(tx, ctx, request, 'read', {});
      return { request: this.view(request), marks, unredacted, sections: applyRedactions(unredacted, marks) };
    });
  }

  async export(ctx: RequestContext, id: string, format: 'json' | 'pdf') {
    return this.db.transaction(async (tx) => {
      const request = await this.require(tx, ctx, id);
      const marks = await this.repo.redactions(tx, id);
      const sections = applyRedactions(await this.assemble(tx, ctx.actor.authorityId, request), marks);
      await this.audited(tx, ctx, request, 'export', { format, redactions: marks.length });
      return { request: this.view(request), generatedAt: this.clock.now().toISOString(), sections };
    });
  }

  async pause(ctx: RequestContext, id: string, reason: string, on?: string): Promise<SarView> {
    return this.step(ctx, id, 'pause', { reason }, async (tx, r) => {
      if (r.pauses.some((p) => !p.resumedOn)) throw new Conflict('This request is already paused.');
      await this.repo.pause(tx, id, this.dateOrToday(on, r), reason, ctx.actor.userId);
    });
  }

  async resume(ctx: RequestContext, id: string, on?: string): Promise<SarView> {
    return this.step(ctx, id, 'resume', {}, async (tx, r) => {
      const open = r.pauses.find((p) => !p.resumedOn);
      if (!open) throw new Conflict('This request is not paused.');
      const date = this.dateOrToday(on, r);
      if (date < open.pausedOn)
        throw invalidFields([{ field: 'on', message: 'a request cannot resume before it was paused' }]);
      await this.repo.resume(tx, id, date, ctx.actor.userId);
    });
  }

  async extend(ctx: RequestContext, id: string, months: number, reason: string): Promise<SarView> {
    return this.step(ctx, id, 'extend', { months, reason }, async (tx) => this.repo.extend(tx, id, months, reason));
  }

  async complete(ctx: RequestContext, id: string): Promise<SarView> {
    return this.step(ctx, id, 'complete', {}, async (tx) => this.repo.complete(tx, id, this.clock.now()));
  }

  async mark(ctx: RequestContext, id: string, mark: Mark): Promise<Redaction[]> {
    if (mark.itemId === '*' && mark.reason !== 'carer_contact')
      throw invalidFields([{ field: 'itemId', message: 'only carers’ contact details can be marked throughout' }]);
    await this.step(ctx, id, 'redact', { ...mark, note: undefined }, async (tx) =>
      this.repo.mark(tx, id, mark, ctx.actor.userId, this.clock.now()),
    );
    return this.repo.redactions(this.db.manager, id);
  }

  async unmark(ctx: RequestContext, id: string, redactionId: string): Promise<Redaction[]> {
    await this.step(ctx, id, 'unredact', { redactionId }, async (tx) => {
      if (!(await this.repo.unmark(tx, id, redactionId))) throw new NotFound('No redaction with that id was found.');
    });
    return this.repo.redactions(this.db.manager, id);
  }

  private async step(
    ctx: RequestContext,
    id: string,
    action: string,
    changes: Record<string, unknown>,
    work: (tx: Tx, r: SarRow) => Promise<void>,
  ): Promise<SarView> {
    return this.db.transaction(async (tx) => {
      const request = await this.require(tx, ctx, id, true);
      if (request.completedAt) throw new Conflict('This request has been completed and can no longer change.');
      await work(tx, request);
      await this.audited(tx, ctx, request, action, changes);
      return this.view((await this.repo.find(tx, ctx.actor.authorityId, id))!);
    });
  }

  private async require(tx: Tx, ctx: RequestContext, id: string, lock = false): Promise<SarRow> {
    const request = await this.repo.find(tx, ctx.actor.authorityId, id, lock);
    if (!request) throw new NotFound('No subject access request with that id was found.');
    return request;
  }

  private dateOrToday(on: string | undefined, r: SarRow): string {
    const date = on ?? today(this.clock);
    if (date > today(this.clock) || date < r.receivedOn)
      throw invalidFields([{ field: 'on', message: 'the date must be between the date received and today' }]);
    return date;
  }

  private audited(tx: Tx, ctx: RequestContext, r: SarRow, action: string, changes: Record<string, unknown>) {
    return this.audit.record(tx, ctx, {
      action,
      entityType: 'subject_access_request',
      entityId: r.id,
      childId: r.childId,
      changes,
    });
  }

  private async assemble(tx: Tx, authorityId: string, r: SarRow): Promise<SarSection[]> {
    const scrub = otherChildScrubber(await this.assembly.childTokens(tx, authorityId), r.childId);
    const queries = r.subjectKind === 'child' ? childQueries : carerQueries;
    const subject = (r.childId ?? r.carerMobile)!;
    const sections: SarSection[] = [];
    for (const [key, sql] of queries) {
      const rows = await this.assembly.section(tx, sql, subject, authorityId);
      sections.push({ key, items: itemsOf(rows.map((row) => scrubValue(row, scrub) as Record<string, unknown>)) });
    }
    return sections;
  }
}
