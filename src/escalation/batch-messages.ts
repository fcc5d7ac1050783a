// The messages of one runner pass, gathered step by step and written to the outbox in one go. A
// person who holds two roles of a step would get the same message twice; the second copy (same
// dedupe key) is dropped here, so each run's message count is known before anything is written.
import type { NotificationOutbox, OutboxMessage } from '../notifications/outbox';
import type { Tx } from '../platform/database/transaction';

export class BatchMessages {
  private readonly messages: OutboxMessage[] = [];
  private readonly firstCopy: boolean[] = [];
  private readonly keys = new Set<string>();
  private readonly ranges = new Map<number, number>();

  /** Adds one step's messages; returns where they start, which names them in the other calls. */
  add(messages: OutboxMessage[]): number {
    const from = this.messages.length;
    for (const m of messages) {
      const key = m.dedupeKey ?? null;
      this.firstCopy.push(key === null || !this.keys.has(key));
      if (key !== null) this.keys.add(key);
      this.messages.push(m);
    }
    this.ranges.set(from, messages.length);
    return from;
  }

  /**
   * For each of a step's messages, what write() will answer if the outbox holds none of them yet: a placeholder, or
   * null for a copy.
   */
  expected(from: number, length: number): (string | null)[] {
    return this.firstCopy.slice(from, from + length).map((first) => (first ? 'planned' : null));
  }

  /**
   * Writes the messages of the steps started at `steps` in one statement; for every message added,
   * its notification id, or null (a copy, a step not written, or a key the outbox already had).
   */
  async write(tx: Tx, outbox: NotificationOutbox, steps: Set<number>): Promise<(string | null)[]> {
    const chosen: number[] = [];
    for (const from of steps) {
      for (let i = from; i < from + (this.ranges.get(from) ?? 0); i += 1) if (this.firstCopy[i]) chosen.push(i);
    }
    chosen.sort((a, b) => a - b);
    const ids = await outbox.enqueueMany(
      tx,
      chosen.map((i) => this.messages[i]),
    );
    const result: (string | null)[] = this.messages.map(() => null);
    chosen.forEach((i, k) => {
      result[i] = ids[k];
    });
    return result;
  }
}
