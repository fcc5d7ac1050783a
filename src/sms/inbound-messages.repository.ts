// Reads and writes the log of inbound texts. Texts to a number no authority owns (authority_id
// null) belong to every authority's duty queue.
import { insertRow } from '../platform/database/entity-rows';
import { entityColumns } from '../platform/database/entity-select';
import { queryPrepared } from '../platform/database/prepared';
import type { Tx } from '../platform/database/transaction';
import { InboundMessage } from './inbound-message.entity';

export interface InboundFilter {
  attention?: boolean;
  limit: number;
  offset: number;
}

const visibleTo = '(m.authority_id = :authorityId OR m.authority_id IS NULL)';
const waitingForAPerson = 'm.needs_attention AND m.handled_at IS NULL';

export class InboundMessagesRepository {
  async list(tx: Tx, authorityId: string, filter: InboundFilter): Promise<{ items: InboundMessage[]; total: number }> {
    const qb = tx
      .createQueryBuilder(InboundMessage, 'm')
      .where(visibleTo, { authorityId })
      .orderBy('m.received_at', 'DESC')
      .take(filter.limit)
      .skip(filter.offset);
    if (filter.attention) qb.andWhere(waitingForAPerson);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  /** One text still waiting for a person, or null. */
  findWaiting(tx: Tx, authorityId: string, id: string): Promise<InboundMessage | null> {
    return tx
      .createQueryBuilder(InboundMessage, 'm')
      .where(`m.id = :id AND ${visibleTo}`, { id, authorityId })
      .andWhere(waitingForAPerson)
      .getOne();
  }

  /** One text, row-locked for the caller's transaction, or null. */
  findForUpdate(tx: Tx, authorityId: string, id: string): Promise<InboundMessage | null> {
    return tx
      .createQueryBuilder(InboundMessage, 'm')
      .setLock('pessimistic_write')
      .where(`m.id = :id AND ${visibleTo}`, { id, authorityId })
      .getOne();
  }

  async save(tx: Tx, message: InboundMessage): Promise<void> {
    await tx.save(InboundMessage, message);
  }

  /** The record of a text by Twilio's MessageSid (every text asks, to answer a retry from the log). */
  async findBySid(tx: Tx, messageSid: string): Promise<InboundMessage | null> {
    const [row] = await queryPrepared<InboundMessage>(
      tx,
      `SELECT ${entityColumns(tx.connection, InboundMessage, 'm')} FROM inbound_messages m WHERE m.message_sid = $1`,
      [messageSid],
    );
    return row ? Object.assign(new InboundMessage(), row) : null;
  }

  /** Records a handled text, or corrects the row of one that failed before and is being retried. */
  async upsert(tx: Tx, messageSid: string, row: Partial<InboundMessage>, failedBefore: boolean): Promise<void> {
    if (failedBefore) await tx.update(InboundMessage, { messageSid }, row);
    else await insertRow(tx, InboundMessage, { ...row, messageSid });
  }

  /** Records a text that could not be handled, unless a row for it exists already. */
  async insertFailure(tx: Tx, row: Partial<InboundMessage> & { messageSid: string }): Promise<void> {
    await tx.createQueryBuilder().insert().into(InboundMessage).values(row).orIgnore().execute();
  }
}
