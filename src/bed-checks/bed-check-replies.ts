// A carer's YES or NO to a bed check, inside the transaction that records the text. Only the check
// sent to that number, and not yet followed by the next check, is answered: YES records the child
// home; NO opens a missing episode at once, exactly as a MISSING text does, and the reply says so.
import type { Child } from '../children/child.entity';
import type { AuditService } from '../platform/audit/audit.service';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import type { CarerCommands } from '../sms/sms-commands';
import { BedChecksRepository, SentCheck } from './bed-checks.repository';

export interface WaitingCheck {
  check: SentCheck & { sentAt: Date };
  child: Child;
}
export type Waiting = WaitingCheck | { which: string[] } | null;

export interface BedCheckAnswer {
  outcome: 'bed_check_home' | 'episode_opened' | 'already_open';
  template: string;
  data: object;
  childId: string;
  episodeId: string | null;
}

export class BedCheckReplies {
  constructor(
    private readonly clock: Clock,
    private readonly commands: CarerCommands,
    private readonly audit: AuditService,
    private readonly repo = new BedChecksRepository(),
  ) {}

  /**
   * The check this number's answer is for, among the children placed with it; several without a reference: ask which.
   */
  async waiting(tx: Tx, fromNumber: string, children: Child[], references: string[]): Promise<Waiting> {
    const checks = (await this.repo.waitingFor(tx, fromNumber, this.clock.now())).filter((c) =>
      children.some((ch) => ch.id === c.childId),
    );
    const named = checks.filter((c) => references.includes(c.childRef));
    const candidates = named.length ? named : checks;
    if (!candidates.length) return null;
    if (candidates.length > 1) return { which: candidates.map((c) => c.childRef).sort() };
    return { check: candidates[0], child: children.find((ch) => ch.id === candidates[0].childId)! };
  }

  async answer(
    tx: Tx,
    { check, child }: WaitingCheck,
    answer: 'yes' | 'no',
    fromNumber: string,
  ): Promise<BedCheckAnswer> {
    await this.repo.answer(tx, check.id, { answer, from: fromNumber, at: this.clock.now() });
    // The answer is part of the child's record: audited like any change to it (by text, so no user).
    await this.audit.record(tx, null, {
      action: 'update',
      entityType: 'bed_check',
      entityId: check.id,
      childId: child.id,
      authorityId: child.authorityId,
      changes: { via: 'sms', answer, dueAt: new Date(check.dueAt).toISOString() },
    });
    if (answer === 'yes')
      return {
        outcome: 'bed_check_home',
        template: 'reply-bed-check-home',
        data: { childRef: child.reference },
        childId: child.id,
        episodeId: null,
      };
    const result = await this.commands.reportMissing(tx, child, fromNumber);
    if (result.episodeId) await this.repo.linkEpisode(tx, check.id, result.episodeId);
    const template = result.outcome === 'episode_opened' ? 'reply-bed-check-not-home' : result.template;
    return {
      outcome: result.outcome as BedCheckAnswer['outcome'],
      template,
      data: { childRef: child.reference, episodeRef: result.episodeRef },
      childId: child.id,
      episodeId: result.episodeId,
    };
  }
}
