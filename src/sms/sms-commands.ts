// What a carer's text can do to an episode, and which of the carer's children it is about.
// The episode module implements CarerCommands; the SMS channel only decides and replies.
import type { Child } from '../children/child.entity';
import type { Tx } from '../platform/database/transaction';
import type { InboundOutcome } from './inbound-message.entity';

export interface CommandResult {
  outcome: Extract<InboundOutcome, 'episode_opened' | 'already_open' | 'return_recorded' | 'no_open_episode'>;
  template: string;
  episodeId: string | null;
  episodeRef: string | null;
}

export interface OpenEpisode {
  id: string;
  reference: string;
  authorityId: string;
  returnedAt: Date | null;
}

export interface CarerCommands {
  /** The child's episode that is not yet closed, if any. */
  openEpisode(tx: Tx, childId: string): Promise<OpenEpisode | null>;
  /** Adds a carer's text to the episode's timeline as their update. */
  addUpdate(tx: Tx, episode: OpenEpisode, body: string): Promise<void>;
  /** Opens a missing episode (reported by SMS, discovered now) and starts escalation, or says one is open. */
  reportMissing(tx: Tx, child: Child, carerMobile: string): Promise<CommandResult>;
  /** Records the return on the open episode, or says there is none. */
  recordReturn(tx: Tx, child: Child, carerMobile: string): Promise<CommandResult>;
  /** Acknowledges the alert with this code sent to this number; null if none matches. */
  acknowledge(
    tx: Tx,
    code: string,
    fromNumber: string,
  ): Promise<{ authorityId: string; episodeId: string | null } | null>;
}

/**
 * The child a text is about: the one whose reference it names, or the carer's only child.
 * Null when the carer has several children and the text names none (or several) of them.
 */
export function chooseChild(children: Child[], references: string[]): Child | null {
  const named = children.filter((c) => references.includes(c.reference));
  if (named.length === 1) return named[0];
  if (named.length === 0 && children.length === 1) return children[0];
  return null;
}
