// What the start has started, to be stopped newest first: on SIGTERM, and when a start fails part
// way, so neither leaves an embedded PostgreSQL, a pool or a listening socket behind.
import type { Logger } from './logger';

interface Step {
  name: string;
  stop: () => Promise<unknown> | unknown;
}

export class Shutdown {
  private readonly steps: Step[] = [];
  private running?: Promise<string[]>;

  constructor(private readonly logger: Logger) {}

  get stopping(): boolean {
    return this.running !== undefined;
  }

  /** Registers how to stop something just started. Once stopping has begun, stops it at once and refuses. */
  async add(name: string, stop: Step['stop']): Promise<void> {
    if (!this.running) {
      this.steps.push({ name, stop });
      return;
    }
    await this.runStep({ name, stop });
    throw new Error(`the service is stopping, so ${name} was stopped as soon as it started`);
  }

  /** Stops everything once, newest first, carrying on past failures; resolves to the failures, as sentences. */
  run(): Promise<string[]> {
    this.running ??= this.runAll();
    return this.running;
  }

  private async runAll(): Promise<string[]> {
    const failures: string[] = [];
    for (const step of [...this.steps].reverse()) {
      const failure = await this.runStep(step);
      if (failure) failures.push(failure);
    }
    return failures;
  }

  private async runStep(step: Step): Promise<string | undefined> {
    try {
      await step.stop();
      this.logger.debug({ step: step.name }, 'stopped');
      return undefined;
    } catch (err) {
      // The message only: a driver error's other fields can carry a statement's values.
      this.logger.error({ step: step.name, error: (err as Error).message }, 'could not stop cleanly');
      return `${step.name}: ${(err as Error).message}`;
    }
  }
}
