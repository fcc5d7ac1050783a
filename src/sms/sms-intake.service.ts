// Handles one inbound text: who sent it, what it asks, what happens, and the reply. The record of
// the message and the change it causes (episode, outbox rows) commit together, so a crash either
// loses nothing or did nothing, and Twilio's retry of the same MessageSid is answered from the log.
import type { DataSource } from 'typeorm';

import { AuthoritiesRepository } from '../authorities/authorities.repository';
import type { BedCheckReplies } from '../bed-checks/bed-check-replies';
import type { Child } from '../children/child.entity';
import { ChildrenRepository } from '../children/children.repository';
import { Rendering, renderingFor } from '../notifications/message-language';
import { renderSms } from '../notifications/templates';
import type { Clock } from '../platform/clock';
import { planEachStatementOnce } from '../platform/database/prepared';
import type { Tx } from '../platform/database/transaction';
import type { Logger } from '../platform/logger';
import { toE164 } from '../platform/phone';
import { formatDateTime } from '../platform/views/format';
import { BedCheckIntake } from './bed-check-intake';
import type { InboundMessage, InboundOutcome } from './inbound-message.entity';
import { InboundMessagesRepository } from './inbound-messages.repository';
import { ReturnConfirmationsRepository } from './return-confirmations.repository';
import { CarerCommands, chooseChild, CommandResult, OpenEpisode } from './sms-commands';
import type { SmsNotices } from './sms-notices';
import { bareAnswer, parseSms, SmsCommand, textLanguage, wordCount } from './sms-parser';
import { TextStops } from './text-stops';
import { TextingCarersRepository } from './texting-carers.repository';

export interface InboundSms {
  messageSid: string;
  from: string;
  to?: string;
  body: string;
}

export type Handled = { reply: string; record: Partial<InboundMessage> };
export type Done = (
  outcome: InboundOutcome,
  template: string,
  data?: object,
  extra?: Partial<InboundMessage>,
) => Handled;

/** A text a person should read at once when nobody can act on it automatically. */
const urgent = (command: SmsCommand) => command.kind === 'missing' || (command.kind === 'text' && command.urgent);
/** "MISSING K7Q2" (or "AR GOLL K7Q2") says nothing more; "still missing, last seen at the station" does. */
const saysMoreThanTheKeyword = (body: string) => wordCount(body) > 2;

export class SmsIntakeService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly commands: CarerCommands,
    private readonly notices: SmsNotices,
    private readonly timeZone: string,
    private readonly bedChecks: BedCheckReplies,
    private readonly confirmations = new ReturnConfirmationsRepository(),
    private readonly children = new ChildrenRepository(),
    private readonly messages = new InboundMessagesRepository(),
    private readonly authorities = new AuthoritiesRepository(),
    private readonly stops = new TextStops(clock),
    private readonly carers = new TextingCarersRepository(),
  ) {}

  /** Returns the reply text for this message (the same text every time the same MessageSid arrives). */
  async receive(sms: InboundSms): Promise<string> {
    const earlier = await this.messages.findBySid(this.db.manager, sms.messageSid);
    if (earlier && earlier.outcome !== 'failed') return earlier.reply;
    try {
      return await this.db.transaction(async (tx) => {
        await planEachStatementOnce(tx);
        const result = await this.handle(tx, sms);
        const row = {
          ...result.record,
          body: sms.body.slice(0, 1600),
          toNumber: sms.to ?? null,
          receivedAt: this.clock.now(),
        };
        // A message that failed before is tried again when Twilio retries it, and its row corrected.
        await this.messages.upsert(tx, sms.messageSid, row, !!earlier);
        return result.reply;
      });
    } catch (err) {
      const replayed = await this.messages.findBySid(this.db.manager, sms.messageSid);
      if (replayed) return replayed.reply; // a concurrent retry of the same message committed first
      this.logger.error({ err, messageSid: sms.messageSid }, 'inbound SMS could not be handled');
      await this.recordFailure(sms).catch((e) => this.logger.error({ err: e }, 'could not record failed SMS'));
      return renderSms('reply-failed', {}, textLanguage(sms.body) ?? 'en');
    }
  }

  private async handle(tx: Tx, sms: InboundSms): Promise<Handled> {
    const from = toE164(sms.from) ?? sms.from;
    const parsed = parseSms(sms.body);
    const base = {
      fromNumber: from,
      command: parsed.kind,
      authorityId: null as string | null,
      childId: null as string | null,
    };
    // Replies in the language texted in; else ("K7Q2", "ACK 1234") the carer's own or their authority's setting.
    const spoken = textLanguage(sms.body);
    const { language: known, children } = await this.carers.whoTexted(tx, from);
    let language: Rendering = spoken ?? (known ? renderingFor(known.carer, known.authority) : 'en');
    if (spoken === 'cy' && known && !known.carer) await this.carers.recordIfUnknown(tx, from, 'cy');
    const done = (
      outcome: InboundOutcome,
      template: string,
      data: object = {},
      extra: Partial<InboundMessage> = {},
    ): Handled => {
      const reply = renderSms(template, data, language);
      return { reply, record: { ...base, outcome, reply, needsAttention: false, episodeId: null, ...extra } };
    };

    // Outside a bed check, NO keeps what the text means otherwise.
    const command = parsed.kind === 'no' ? parsed.otherwise : parsed;
    if (command.kind === 'help') return done('help', 'reply-help');
    if (command.kind === 'stop' || command.kind === 'start')
      return this.stops.handle(tx, from, children, command, done);
    if (command.kind === 'ack') {
      const ack = await this.commands.acknowledge(tx, command.code, from);
      return ack
        ? done('acknowledged', 'reply-acknowledged', {}, { authorityId: ack.authorityId, episodeId: ack.episodeId })
        : done('ack_not_recognised', 'reply-ack-not-recognised');
    }
    if (!children.length) {
      // Neutral: the reply never says whether this number, or any child, is known.
      const owner = sms.to ? await this.authorities.findBySmsNumber(tx, toE164(sms.to) ?? sms.to) : null;
      if (!spoken && owner) language = renderingFor(null, owner.language);
      if (urgent(command)) await this.tellDutyManagers(tx, owner?.id ?? null, sms);
      return done('unknown_sender', 'reply-received', {}, { needsAttention: true, authorityId: owner?.id ?? null });
    }
    base.authorityId = children[0].authorityId;
    const notUnderstood = async () => {
      if (urgent(command)) await this.tellDutyManagers(tx, base.authorityId, sms);
      return done('not_understood', 'reply-not-understood', {}, { needsAttention: true });
    };
    // Inside a check only a bare YES or NO answers it; "no worries, she's in bed" is not a NO.
    const answers = parsed.kind === 'yes' || parsed.kind === 'no' ? parsed : null;
    const checks = new BedCheckIntake(this.clock, this.bedChecks, this.confirmations);
    if (
      answers &&
      bareAnswer(
        answers,
        children.map((c) => c.reference),
      )
    ) {
      const answered = await checks.answer(tx, from, children, answers, base, done);
      if (answered) return answered;
    }
    // Anything else nothing else takes, while a check waits: the carer is asked for a bare answer.
    const askBare = async () => {
      const references = await checks.waitingReferences(tx, from, children, command.references);
      if (!references) return null;
      if (urgent(command)) await this.tellDutyManagers(tx, base.authorityId, sms);
      return done('bed_check_bare_asked', 'reply-bed-check-bare', { references }, { needsAttention: true });
    };
    if (command.kind === 'yes')
      return (
        (await this.confirmedReturn(tx, from, base, done)) ??
        (await askBare()) ??
        done('no_confirmation', 'reply-no-confirmation')
      );
    if (command.kind === 'text')
      return (
        (await this.carerUpdate(tx, sms, children, command.references, base, done)) ??
        (await askBare()) ??
        notUnderstood()
      );

    const child = chooseChild(children, command.references);
    if (!child) {
      const keyword = command.kind === 'missing' ? 'MISSING' : 'BACK';
      return done('which_child', 'reply-which-child', {
        keyword,
        references: children
          .map((c) => c.reference)
          .sort()
          .join(', '),
      });
    }
    base.authorityId = child.authorityId;
    base.childId = child.id;
    if (command.kind === 'return_mentioned') {
      const open = await this.commands.openEpisode(tx, child.id);
      if (!open || open.returnedAt) return notUnderstood();
      // Asked, never assumed: a mention of a return is recorded as the carer's words, and only YES records it.
      await this.confirmations.ask(tx, {
        authorityId: child.authorityId,
        fromNumber: from,
        episodeId: open.id,
        childId: child.id,
        at: this.clock.now(),
      });
      await this.addUpdate(tx, sms, open, child);
      return done('confirmation_asked', 'reply-confirm-return', { childRef: child.reference }, { episodeId: open.id });
    }
    const result: CommandResult =
      command.kind === 'missing'
        ? await this.commands.reportMissing(tx, child, from)
        : await this.commands.recordReturn(tx, child, from);
    // "Still missing, last seen at the station": the episode is open already, and what the carer adds is kept.
    if (result.outcome === 'already_open' && saysMoreThanTheKeyword(sms.body)) {
      const open = await this.commands.openEpisode(tx, child.id);
      if (open) await this.addUpdate(tx, sms, open, child);
    }
    return done(
      result.outcome,
      result.template,
      { childRef: child.reference, episodeRef: result.episodeRef },
      { episodeId: result.episodeId, needsAttention: result.outcome === 'no_open_episode' },
    );
  }

  /** A YES to the question this number was asked in the last half hour records that return. */
  private async confirmedReturn(
    tx: Tx,
    from: string,
    base: { childId: string | null },
    done: Done,
  ): Promise<Handled | null> {
    const waiting = await this.confirmations.answer(tx, from, this.clock.now());
    if (!waiting) return null;
    const child = await this.children.findById(tx, waiting.authorityId, waiting.childId);
    if (!child) return null;
    base.childId = child.id;
    const result = await this.commands.recordReturn(tx, child, from);
    return done(
      result.outcome,
      result.template,
      { childRef: child.reference, episodeRef: result.episodeRef },
      { episodeId: result.episodeId },
    );
  }

  /** Any other text from a carer whose child has an open episode is that episode's update. */
  private async carerUpdate(
    tx: Tx,
    sms: InboundSms,
    children: Child[],
    references: string[],
    base: { childId: string | null },
    done: Done,
  ): Promise<Handled | null> {
    const named = children.filter((c) => references.includes(c.reference));
    const open = [];
    for (const child of named.length ? named : children) {
      const episode = await this.commands.openEpisode(tx, child.id);
      if (episode) open.push({ child, episode });
    }
    if (open.length !== 1) return null;
    const [{ child, episode }] = open;
    base.childId = child.id;
    await this.addUpdate(tx, sms, episode, child);
    return done(
      'update_added',
      'reply-update-added',
      { childRef: child.reference, episodeRef: episode.reference },
      { episodeId: episode.id },
    );
  }

  private async addUpdate(tx: Tx, sms: InboundSms, episode: OpenEpisode, child: Child): Promise<void> {
    await this.commands.addUpdate(tx, episode, sms.body);
    await this.notices.carerUpdate(tx, {
      authorityId: episode.authorityId,
      episodeId: episode.id,
      episodeRef: episode.reference,
      childId: child.id,
      childRef: child.reference,
      at: this.clock.now(),
    });
  }

  private async tellDutyManagers(tx: Tx, authorityId: string | null, sms: InboundSms): Promise<void> {
    if (!authorityId) {
      this.logger.warn(
        { messageSid: sms.messageSid },
        'an urgent-sounding text reached a number no authority owns: only the shared duty queue has it',
      );
      return;
    }
    await this.notices.urgentText(tx, authorityId, sms.messageSid, formatDateTime(this.clock.now(), this.timeZone));
  }

  private async recordFailure(sms: InboundSms): Promise<void> {
    await this.messages.insertFailure(this.db.manager, {
      messageSid: sms.messageSid,
      fromNumber: toE164(sms.from) ?? sms.from,
      toNumber: sms.to ?? null,
      body: sms.body.slice(0, 1600),
      receivedAt: this.clock.now(),
      command: parseSms(sms.body).kind,
      outcome: 'failed',
      reply: renderSms('reply-failed', {}, textLanguage(sms.body) ?? 'en'),
      needsAttention: true,
    });
  }
}
