// Seed 05: a text from an unknown number waiting in Demo Borough's duty queue.
import { LocalAuthority } from '../src/authorities/local-authority.entity';
import { renderSms } from '../src/notifications/templates';
import type { Clock } from '../src/platform/clock';
import type { Tx } from '../src/platform/database/transaction';
import { InboundMessage } from '../src/sms/inbound-message.entity';

export async function seedDemoInboundTexts(tx: Tx, clock: Clock): Promise<void> {
  const messageSid = `SM${'d'.repeat(31)}1`;
  if (await tx.existsBy(InboundMessage, { messageSid })) return;
  const demo = await tx.findOneByOrFail(LocalAuthority, { code: 'DEMO' });
  await tx.insert(InboundMessage, {
    messageSid,
    authorityId: demo.id,
    fromNumber: '+447700900150',
    toNumber: demo.smsNumber,
    body: 'is this the number for the foster team',
    receivedAt: new Date(clock.now().getTime() - 3_600_000),
    command: 'unclear',
    outcome: 'unknown_sender',
    reply: renderSms('reply-received', {}),
    needsAttention: true,
  });
}
