// Voice calls (issue 26): contacts and users gain a voice number (E.164, landline or mobile) and the
// outbox a third channel, 'voice'. Each authority whose policy in force has the default ladder's
// police, CEOP and duty-manager steps gets a new version with voice added to them, so saved policies
// call as the new default does; running episodes keep the version they opened under.
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The default ladder's steps that call, and the police step's rule (see src/escalation/default-policy.ts). */
export const VOICE_STEPS = ['report_police', 'plus_48h', 'plus_48h_next', 'plus_72h_next'];
export const POLICE_CALL = { fromRepeat: 1, fromFirstWhen: { risk: ['high'] } };

/** A new version of each authority's policy in force whose calling steps lack voice ($1 the keys, $2 the rule). */
export const ADD_VOICE_TO_POLICIES = `WITH latest AS (
    SELECT DISTINCT ON (authority_id) authority_id, version, settings, steps FROM escalation_policies
    ORDER BY authority_id, version DESC
  ), changed AS (
    SELECT l.authority_id, l.version, l.settings, l.steps, (
      SELECT jsonb_agg(CASE WHEN s->>'key' = ANY($1) AND (s->>'needsAck')::boolean AND NOT (s->'channels' ? 'voice')
        THEN s || jsonb_build_object('channels', (s->'channels') || '["voice"]'::jsonb)
          || CASE WHEN s->>'key' = 'report_police' THEN jsonb_build_object('call', $2::jsonb) ELSE '{}'::jsonb END
        ELSE s END ORDER BY i) FROM jsonb_array_elements(l.steps) WITH ORDINALITY AS t(s, i)) AS new_steps
    FROM latest l
  )
  INSERT INTO escalation_policies (authority_id, version, settings, steps, created_at)
  SELECT authority_id, version + 1, settings, new_steps, now() FROM changed WHERE new_steps <> steps`;

export class VoiceCalls1732300001300 implements MigrationInterface {
  name = 'VoiceCalls1732300001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE contacts ADD COLUMN voice_number text;
      ALTER TABLE users ADD COLUMN voice_number text;
      ALTER TABLE notifications DROP CONSTRAINT notifications_channel_check;
      ALTER TABLE notifications ADD CONSTRAINT notifications_channel_check CHECK (channel IN ('sms','email','voice'));
    `);
    // Only steps that need acknowledgement call (a call asks for a key press); a step already calling is left as it is.
    await q.query(ADD_VOICE_TO_POLICIES, [VOICE_STEPS, JSON.stringify(POLICE_CALL)]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM notifications WHERE channel = 'voice';
      ALTER TABLE notifications DROP CONSTRAINT notifications_channel_check;
      ALTER TABLE notifications ADD CONSTRAINT notifications_channel_check CHECK (channel IN ('sms','email'));
      ALTER TABLE users DROP COLUMN voice_number;
      ALTER TABLE contacts DROP COLUMN voice_number;
    `);
  }
}
