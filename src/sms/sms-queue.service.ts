// The duty worker's view of inbound texts: everything received for the authority, and the queue
// of texts nobody could act on automatically. Texts to a number no authority owns are shown to
// every authority's duty workers rather than lost.
import type { DataSource } from 'typeorm';

import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import { Conflict, NotFound } from '../platform/errors';
import type { InboundMessage } from './inbound-message.entity';
import { type InboundFilter, InboundMessagesRepository } from './inbound-messages.repository';

export type { InboundFilter };

export class SmsQueueService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly repo = new InboundMessagesRepository(),
  ) {}

  async list(ctx: RequestContext, filter: InboundFilter): Promise<{ items: InboundMessage[]; total: number }> {
    const { items, total } = await this.repo.list(this.db.manager, ctx.actor.authorityId, filter);
    // Texts carry phone numbers and what carers wrote about children: every read of the queue is audited.
    await this.audit.recordShown(
      null,
      ctx,
      'inbound_message',
      items.map((m) => ({ id: m.id, childId: m.childId })),
      { queue: filter.attention ? 'attention' : 'all' },
    );
    return { items, total };
  }

  /** One text still waiting for a person (the "mark handled" form shows it), its read audited. */
  async waiting(ctx: RequestContext, id: string): Promise<InboundMessage> {
    const message = await this.repo.findWaiting(this.db.manager, ctx.actor.authorityId, id);
    if (!message) throw new NotFound('No text waiting for attention with that id was found.');
    await this.audit.record(null, ctx, {
      action: 'read',
      entityType: 'inbound_message',
      entityId: id,
      childId: message.childId,
    });
    return message;
  }

  async markHandled(ctx: RequestContext, id: string, note: string): Promise<InboundMessage> {
    return this.db.transaction(async (tx) => {
      const message = await this.repo.findForUpdate(tx, ctx.actor.authorityId, id);
      if (!message) throw new NotFound('No inbound message with that id was found.');
      if (message.handledAt) throw new Conflict('This message has already been marked as handled.');
      Object.assign(message, { handledAt: this.clock.now(), handledBy: ctx.actor.userId, handledNote: note });
      await this.repo.save(tx, message);
      await this.audit.record(tx, ctx, {
        action: 'update',
        entityType: 'inbound_message',
        entityId: id,
        childId: message.childId,
      });
      return message;
    });
  }
}

export function presentInbound(m: InboundMessage) {
  return {
    id: m.id,
    receivedAt: m.receivedAt,
    from: m.fromNumber,
    body: m.body,
    command: m.command,
    outcome: m.outcome,
    childId: m.childId,
    episodeId: m.episodeId,
    reply: m.reply,
    needsAttention: m.needsAttention,
    handledAt: m.handledAt,
    handledBy: m.handledBy,
    handledNote: m.handledNote,
  };
}
