// A text that is only a stop word (STOP, STOPIO) or a start word (START, DECHRAU): the number's texts
// stop, or start again, whoever it is (the reply never says whether the number is known). A carer who
// stops texts no longer gets bed checks or alerts by text, so the text waits in the duty queue for a
// person to follow up; the dispatcher fails each later text to the number, and its fallback follows.
import type { Child } from '../children/child.entity';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import type { Done, Handled } from './sms-intake.service';
import type { OptWord } from './sms-opt-out-words';
import { SmsOptOutsRepository } from './sms-opt-outs.repository';

export class TextStops {
  constructor(
    private readonly clock: Clock,
    private readonly optOuts = new SmsOptOutsRepository(),
  ) {}

  /** children: those placed with the number's carer (none for a stranger). */
  async handle(tx: Tx, from: string, children: Child[], word: OptWord, done: Done): Promise<Handled> {
    const authorityId = children[0]?.authorityId ?? null;
    if (word.kind === 'start') {
      await this.optOuts.start(tx, from);
      return done('texts_restarted', 'reply-texts-restarted', {}, { authorityId });
    }
    await this.optOuts.stop(tx, from, word.keyword, word.language, this.clock.now());
    return done('texts_stopped', 'reply-texts-stopped', {}, { authorityId, needsAttention: true });
  }
}
