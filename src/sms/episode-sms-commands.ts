// Carers' texts acting on missing episodes, inside the transaction that records the text: MISSING
// opens an episode (and the escalation runs at once), FOUND records the return, ACK acknowledges.
import type { Child } from '../children/child.entity';
import type { EscalationService } from '../escalation/escalation.service';
import type { EpisodeEndingsService } from '../missing/episode-endings.service';
import { addToTimeline } from '../missing/episode-events.repository';
import { MissingEpisodesRepository } from '../missing/missing-episodes.repository';
import type { ReportMissingService } from '../missing/report-missing.service';
import { carerUpdateLine } from '../missing/timeline-lines';
import type { NotificationsService } from '../notifications/notifications.service';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { Conflict } from '../platform/errors';
import type { CarerCommands, CommandResult, OpenEpisode } from './sms-commands';

export interface EpisodeSmsDeps {
  clock: Clock;
  reportMissing: ReportMissingService;
  episodeEndings: EpisodeEndingsService;
  escalation: EscalationService;
  notifications: NotificationsService;
}

const result = (
  outcome: CommandResult['outcome'],
  template: string,
  episode: { id: string; reference: string } | null,
): CommandResult => ({ outcome, template, episodeId: episode?.id ?? null, episodeRef: episode?.reference ?? null });

export function episodeSmsCommands(deps: EpisodeSmsDeps, episodes = new MissingEpisodesRepository()): CarerCommands {
  return {
    async reportMissing(tx: Tx, child: Child, carerMobile: string) {
      try {
        const episode = await deps.reportMissing.reportMissingBySms(child.id, carerMobile, deps.clock.now(), tx);
        return result('episode_opened', 'reply-missing-recorded', episode);
      } catch (err) {
        // Already missing: the refusal names the open episode, and nothing was written.
        const open =
          err instanceof Conflict
            ? (err.details as { episodeId?: string; episodeReference?: string } | undefined)
            : undefined;
        if (open?.episodeId && open.episodeReference)
          return result('already_open', 'reply-already-open', { id: open.episodeId, reference: open.episodeReference });
        throw err;
      }
    },

    async recordReturn(tx: Tx, child: Child, carerMobile: string) {
      const open = await episodes.openForChild(tx, child.id);
      if (!open) return result('no_open_episode', 'reply-no-open-episode', null);
      if (open.returnedAt) return result('return_recorded', 'reply-return-recorded', open); // a second FOUND: already recorded
      const episode = await deps.episodeEndings.recordReturnBySms(child.id, carerMobile, deps.clock.now(), tx);
      return result('return_recorded', 'reply-return-recorded', episode);
    },

    async openEpisode(tx: Tx, childId: string) {
      const open = await episodes.openForChild(tx, childId);
      return (
        open && { id: open.id, reference: open.reference, authorityId: open.authorityId, returnedAt: open.returnedAt }
      );
    },

    async addUpdate(tx: Tx, episode: OpenEpisode, body: string) {
      // The carer's own words are the record; they stay behind sign-in on the timeline and never go out by SMS or
      // email.
      await addToTimeline(tx, episode, deps.clock.now(), {
        type: 'carer_update',
        ...carerUpdateLine(body),
        actorName: 'Carer (by text)',
      });
    },

    async acknowledge(tx: Tx, code: string, fromNumber: string) {
      const n = await deps.notifications.acknowledge(tx, { ackCode: code, fromAddress: fromNumber });
      if (!n) return null;
      if (n.episodeId && n.stepKey) {
        // Also on the episode's timeline, by whom; repeats of the step stop either way.
        await deps.escalation
          .acknowledge(tx, n.episodeId, n.stepKey.split('#')[0], { userId: null, name: n.recipientName })
          .catch(() => false);
      }
      return { authorityId: n.authorityId, episodeId: n.episodeId };
    },
  };
}
