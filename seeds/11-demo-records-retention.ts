// Seed 11: what the demo data protection officer finds (issue 28): a subject access request for
// K7Q2 received ten days ago, a legal hold on M4RT, and a carer's text from over two years ago
// that the nightly review has listed for its body to be removed.
import type { Clock } from '../src/platform/clock';
import type { Tx } from '../src/platform/database/transaction';
import { addDays, today } from '../src/platform/dates';
import { CARER_ONE_CHILD, demoAuthorities, demoEmail } from './demo-data';

const OLD_TEXT_SID = `SM${'r'.repeat(31)}1`;

export async function seedDemoRecordsRetention(tx: Tx, clock: Clock): Promise<void> {
  const [demo] = await tx.query("SELECT id, sms_number FROM local_authorities WHERE code = 'DEMO'");
  const [dpo] = await tx.query('SELECT id FROM users WHERE email = $1', [demoEmail('dpo', demoAuthorities[0].domain)]);
  const child = async (reference: string) =>
    (await tx.query('SELECT id FROM children WHERE reference = $1 AND authority_id = $2', [reference, demo.id]))[0].id;
  const now = clock.now();
  if (!(await tx.query('SELECT 1 FROM subject_access_requests WHERE authority_id = $1', [demo.id])).length)
    await tx.query(
      `INSERT INTO subject_access_requests (authority_id, subject_kind, child_id, requester, received_on, created_by,
         created_at) VALUES ($1, 'child', $2, 'The young person, with her guardian', $3, $4, $5)`,
      [demo.id, await child('K7Q2'), addDays(today(clock), -10), dpo.id, now],
    );
  if (!(await tx.query('SELECT 1 FROM legal_holds WHERE authority_id = $1', [demo.id])).length)
    await tx.query(
      `INSERT INTO legal_holds (authority_id, child_id, reason, placed_by, placed_at)
       VALUES ($1, $2, 'Police investigation into the people who brought him to the UK: keep everything', $3, $4)`,
      [demo.id, await child('M4RT'), dpo.id, now],
    );
  if ((await tx.query('SELECT 1 FROM inbound_messages WHERE message_sid = $1', [OLD_TEXT_SID])).length) return;
  const receivedAt = new Date(now.getTime() - (2 * 365 + 20) * 86_400_000);
  const [text] = await tx.query(
    `INSERT INTO inbound_messages (message_sid, authority_id, from_number, to_number, body, received_at, command, outcome,
       child_id, reply) VALUES ($1, $2, $3, $4, 'K7Q2 home now, all fine', $5, 'update', 'recorded', $6, 'Thank you')
     RETURNING id, (received_at AT TIME ZONE 'Europe/London')::date::text AS on`,
    [OLD_TEXT_SID, demo.id, CARER_ONE_CHILD, demo.sms_number, receivedAt, await child('K7Q2')],
  );
  const [y, m, d] = text.on.split('-').map(Number);
  await tx.query(
    `INSERT INTO retention_reviews (authority_id, kind, record_id, child_id, action, record_date, due_on, found_at)
     VALUES ($1, 'inbound_texts', $2, $3, 'shorten', $4, $5, $6)`,
    [
      demo.id,
      text.id,
      await child('K7Q2'),
      text.on,
      `${y + 2}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      now,
    ],
  );
}
