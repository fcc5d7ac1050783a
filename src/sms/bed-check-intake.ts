// A carer's text while a bed check waits on their number: a bare YES or NO answers the check (unless a
// return question was put to the number after the check went); anything else nothing else takes is
// answered with a request for a bare YES or NO.
import type { BedCheckReplies } from '../bed-checks/bed-check-replies';
import type { Child } from '../children/child.entity';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import type { ReturnConfirmationsRepository } from './return-confirmations.repository';
import type { Done, Handled } from './sms-intake.service';
import type { SmsCommand } from './sms-parser';

export class BedCheckIntake {
  constructor(
    private readonly clock: Clock,
    private readonly bedChecks: BedCheckReplies,
    private readonly confirmations: ReturnConfirmationsRepository,
  ) {}

  /**
   * A YES or NO from a number a bed check is waiting on answers that check, unless a return question
   * ("Reply YES to confirm") was put to the number after the check went: a carer answers the last
   * text they were sent, so the later question takes the answer and the earlier one keeps waiting
   * (the check is chased at 15 and 30 minutes, the return question lapses). A check sent after the
   * question wins for the same reason.
   */
  async answer(
    tx: Tx,
    from: string,
    children: Child[],
    command: Extract<SmsCommand, { kind: 'yes' | 'no' }>,
    base: { childId: string | null },
    done: Done,
  ): Promise<Handled | null> {
    const waiting = await this.bedChecks.waiting(tx, from, children, command.references);
    if (!waiting) return null;
    if ('which' in waiting)
      return done('which_child', 'reply-which-child', {
        keyword: command.kind.toUpperCase(),
        references: waiting.which.join(', '),
      });
    const question = await this.confirmations.askedAt(tx, from, this.clock.now());
    if (question && question > new Date(waiting.check.sentAt)) return null;
    const answer = await this.bedChecks.answer(tx, waiting, command.kind, from);
    base.childId = answer.childId;
    return done(answer.outcome, answer.template, answer.data, { episodeId: answer.episodeId });
  }

  /** The references of the children whose check waits on this number, or null when none does. */
  async waitingReferences(tx: Tx, from: string, children: Child[], references: string[]): Promise<string | null> {
    const waiting = await this.bedChecks.waiting(tx, from, children, references);
    if (!waiting) return null;
    return 'which' in waiting ? waiting.which.join(', ') : waiting.child.reference;
  }
}
