// Handles one inbound text: who sent it, what it asks, what happens, and the reply. The record of
// the message and the change it causes (episode, outbox rows) commit together, so a crash either
// loses nothing or did nothing, and Twilio's retry of the same MessageSid is answered from the log.
import type { DataSource } from 'typeorm';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { Tx } from '../platform/database/transaction';
import { toE164 } from '../platform/phone';
import type { Child } from '../children/child.entity';
import { LocalAuthority } from '../authorities/local-authority.entity';
import type { PlacementsRepository } from '../placements/placements.repository';
import { renderSms } from '../notifications/templates';
import { InboundMessage, InboundOutcome } from './inbound-message.entity';
import { parseSms, SmsCommand } from './sms-parser';
import { CarerCommands, chooseChild, CommandResult } from './sms-commands';

export interface InboundSms { messageSid: string; from: string; to?: string; body: string }

export class SmsIntakeService {
  constructor(private readonly db: DataSource, private readonly clock: Clock, private readonly logger: Logger,
    private readonly placements: PlacementsRepository, private readonly commands: CarerCommands) {}

  /** Returns the reply text for this message (the same text every time the same MessageSid arrives). */
  async receive(sms: InboundSms): Promise<string> {
    const earlier = await this.db.manager.findOneBy(InboundMessage, { messageSid: sms.messageSid });
    if (earlier && earlier.outcome !== 'failed') return earlier.reply;
    try {
      return await this.db.transaction(async (tx) => {
        const result = await this.handle(tx, sms);
        const row = { ...result.record, body: sms.body.slice(0, 1600), toNumber: sms.to ?? null, receivedAt: this.clock.now() };
        // A message that failed before is tried again when Twilio retries it, and its row corrected.
        if (earlier) await tx.update(InboundMessage, { messageSid: sms.messageSid }, row);
        else await tx.insert(InboundMessage, { ...row, messageSid: sms.messageSid });
        return result.reply;
      });
    } catch (err) {
      const replayed = await this.db.manager.findOneBy(InboundMessage, { messageSid: sms.messageSid });
      if (replayed) return replayed.reply; // a concurrent retry of the same message committed first
      this.logger.error({ err, messageSid: sms.messageSid }, 'inbound SMS could not be handled');
      await this.recordFailure(sms).catch((e) => this.logger.error({ err: e }, 'could not record failed SMS'));
      return renderSms('reply-failed', {});
    }
  }

  private async handle(tx: Tx, sms: InboundSms): Promise<{ reply: string; record: Partial<InboundMessage> }> {
    const from = toE164(sms.from) ?? sms.from;
    const command = parseSms(sms.body);
    const base = { fromNumber: from, command: command.kind, authorityId: null as string | null, childId: null as string | null };
    const done = (outcome: InboundOutcome, template: string, data: object = {}, extra: Partial<InboundMessage> = {}) => {
      const reply = renderSms(template, data);
      return { reply, record: { ...base, outcome, reply, needsAttention: false, episodeId: null, ...extra } };
    };

    if (command.kind === 'help') return done('help', 'reply-help');
    if (command.kind === 'ack') {
      const ack = await this.commands.acknowledge(tx, command.code, from);
      return ack ? done('acknowledged', 'reply-acknowledged', {}, { authorityId: ack.authorityId, episodeId: ack.episodeId })
        : done('ack_not_recognised', 'reply-ack-not-recognised');
    }
    const children = await this.placements.childrenPlacedWithCarer(tx, from);
    if (!children.length) {
      const owner = sms.to ? await tx.findOneBy(LocalAuthority, { smsNumber: toE164(sms.to) ?? sms.to }) : null;
      return done('unknown_sender', 'reply-received', {}, { needsAttention: true, authorityId: owner?.id ?? null });
    }
    base.authorityId = children[0].authorityId;
    if (command.kind === 'unclear') return done('not_understood', 'reply-not-understood', {}, { needsAttention: true });

    const child = chooseChild(children, command.references);
    if (!child) {
      const keyword = command.kind === 'missing' ? 'MISSING' : 'FOUND';
      return done('which_child', 'reply-which-child', { keyword, references: children.map((c) => c.reference).sort().join(', ') });
    }
    base.authorityId = child.authorityId;
    base.childId = child.id;
    const result: CommandResult = await this.run(tx, command, child, from);
    return done(result.outcome, result.template, { childRef: child.reference, episodeRef: result.episodeRef },
      { episodeId: result.episodeId, needsAttention: result.outcome === 'no_open_episode' });
  }

  private run(tx: Tx, command: Extract<SmsCommand, { kind: 'missing' | 'found' }>, child: Child, from: string): Promise<CommandResult> {
    return command.kind === 'missing' ? this.commands.reportMissing(tx, child, from) : this.commands.recordReturn(tx, child, from);
  }

  private async recordFailure(sms: InboundSms): Promise<void> {
    await this.db.manager.createQueryBuilder().insert().into(InboundMessage).values({
      messageSid: sms.messageSid, fromNumber: toE164(sms.from) ?? sms.from, toNumber: sms.to ?? null, body: sms.body.slice(0, 1600),
      receivedAt: this.clock.now(), command: parseSms(sms.body).kind, outcome: 'failed', reply: renderSms('reply-failed', {}), needsAttention: true,
    }).orIgnore().execute();
  }
}
