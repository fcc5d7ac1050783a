// Records that messages were sent, many to a statement: while one write is on its way, the sends
// that finish meanwhile wait for the next, so a burst costs a few round trips rather than one per
// message, and a quiet moment records each send at once. Each caller hears whether its own row
// was recorded (false: its claim was lost).
import type { DeliveryRepository, SqlRunner } from './delivery.repository';
import type { Notification } from './notification.entity';
import type { MessageContent } from './templates';

interface Pending {
  n: Notification;
  providerId: string;
  at: Date;
  content: MessageContent;
  done: (recorded: boolean) => void;
  failed: (err: unknown) => void;
}

export class SendRecorder {
  private pending: Pending[] = [];
  private writing = false;

  constructor(
    private readonly repo: DeliveryRepository,
    private readonly sql: () => SqlRunner,
  ) {}

  /** `content`: what was sent, kept on the row as the record of it. */
  record(n: Notification, providerId: string, at: Date, content: MessageContent): Promise<boolean> {
    return new Promise((done, failed) => {
      this.pending.push({ n, providerId, at, content, done, failed });
      if (!this.writing) void this.write();
    });
  }

  private async write(): Promise<void> {
    this.writing = true;
    while (this.pending.length) {
      const batch = this.pending.splice(0, 500);
      try {
        const recorded = await this.repo.markSentMany(this.sql(), batch);
        for (const p of batch) p.done(recorded.has(p.n.id));
      } catch (err) {
        for (const p of batch) p.failed(err);
      }
    }
    this.writing = false;
  }
}
