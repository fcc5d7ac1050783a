// One lane of the dispatcher: the messages of one channel, either those needing acknowledgement
// (urgent) or the rest, with how many may be in flight at once, the drain running on it and any
// wake-up it has not acted on yet (a commit queued something while every slot was busy).
import { performance } from 'node:perf_hooks';

import type { DispatchCounts } from './dispatcher';
import type { Channel } from './notification.entity';

/** One lane's drain, and the wake-ups it has not acted on yet. */
export class Lane {
  draining: Promise<DispatchCounts> | null = null;
  /** When this (routine) lane began giving way to alerts needing acknowledgement; null when it is not. */
  givingWaySince: number | null = null;
  private woken = false;
  private waiter: (() => void) | null = null;

  /** urgent: the messages needing acknowledgement; concurrency: sends in flight at most. */
  constructor(
    readonly channel: Channel,
    readonly urgent: boolean,
    readonly concurrency: number,
  ) {}

  get name(): string {
    return `${this.urgent ? 'urgent' : 'routine'} ${this.channel}`;
  }

  wake(): void {
    this.woken = true;
    this.waiter?.();
    this.waiter = null;
  }

  takeWake(): boolean {
    const woken = this.woken;
    this.woken = false;
    return woken;
  }

  nextWake(): Promise<void> {
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }
}

/**
 * Resolves once none of these lanes is draining, or at `until` (performance.now() milliseconds), whichever comes
 * first.
 */
export async function whenQuiet(lanes: Lane[], until: number): Promise<void> {
  for (;;) {
    const busy = lanes.flatMap((l) => (l.draining ? [l.draining] : []));
    const left = until - performance.now();
    if (!busy.length || left <= 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      ...busy.map((d) => d.then(noop, noop)),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, left);
      }),
    ]);
    clearTimeout(timer);
  }
}

const noop = (): void => undefined;
