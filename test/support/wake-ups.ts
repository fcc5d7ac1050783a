// Listens on the outbox's channel as a dispatcher does, so a test can say which wake-ups were heard.
import { Client } from 'pg';

import { OUTBOX_CHANNEL } from '../../src/notifications/outbox';

export interface WakeUps {
  /** Payloads heard so far (the first new notification id of each committed batch). */
  heard: string[];
  /** Lets any notification already sent arrive, then stops listening. */
  stop(): Promise<string[]>;
}

export async function listenForWakeUps(url: string): Promise<WakeUps> {
  const listener = new Client({ connectionString: url });
  await listener.connect();
  const heard: string[] = [];
  listener.on('notification', (n) => heard.push(n.payload ?? ''));
  await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
  return {
    heard,
    async stop() {
      // A round trip delivers whatever the server had queued for this session before it answered.
      await listener.query('SELECT 1');
      await new Promise((r) => setTimeout(r, 100));
      await listener.end();
      return heard;
    },
  };
}
