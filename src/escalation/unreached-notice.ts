// A step that had nobody to send to for one or more of its roles is a failure people must see: the
// authority's duty managers get a message carrying only the episode and child references, the step
// and the roles nobody holds, so they can alert those people another way and have the gap filled.
import type { OutboxMessage } from '../notifications/outbox';
import { messageToPerson } from '../notifications/person-message';
import type { Tx } from '../platform/database/transaction';
import type { BatchRecipients, EpisodeParty, Reachable } from './recipients';

export const STEP_UNREACHED_TEMPLATE = 'step-unreached';

export interface UnreachedRun {
  party: EpisodeParty;
  childRef: string;
  episodeRef: string;
  stepRun: string;
  stepKey: string;
  roles: string[];
}

/**
 * Each duty manager's message for each run, to be written with the pass's other messages; and the runs no duty
 * manager could be told of.
 */
export async function dutyManagerMessages(
  tx: Tx,
  recipients: BatchRecipients,
  runs: UnreachedRun[],
): Promise<{ messages: OutboxMessage[]; untold: UnreachedRun[] }> {
  const messages: OutboxMessage[] = [];
  const untold: UnreachedRun[] = [];
  for (const run of runs) {
    const managers = (await recipients.resolve(tx, run.party, 'duty_manager')).filter((m) => m.mobile || m.email);
    if (!managers.length) untold.push(run);
    for (const m of managers) messages.push(messageFor(run, m));
  }
  return { messages, untold };
}

function messageFor(run: UnreachedRun, m: Reachable): OutboxMessage {
  const data = {
    episodeRef: run.episodeRef,
    childRef: run.childRef,
    stepKey: run.stepKey,
    roles: run.roles.join(', '),
  };
  // Type 'duty': if this message fails too, the delivery-failure path does not alert the duty managers about itself.
  return messageToPerson(m, 'duty', {
    authorityId: run.party.authorityId,
    episodeId: run.party.episodeId,
    stepKey: 'step-unreached',
    template: STEP_UNREACHED_TEMPLATE,
    data,
    dedupeKey: `step-unreached:${run.party.episodeId}:${run.stepRun}:${m.id}`,
  })!; // managers have an address
}
