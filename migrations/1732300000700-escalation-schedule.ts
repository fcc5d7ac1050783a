// The sweep's schedule moves out of missing_episodes into a narrow table of its own. Moving an
// episode's next look was an update of its wide row, which touched all seven of its indexes (the
// no-overlap exclusion among them) for every due episode; now it touches one small row and its
// index. Closed episodes have no row. Notifications also gain a sequence number: with no "queued"
// event row per message any more, it keeps the order in which one transaction queued its messages.
// Policy versions become immutable in the database: an episode's copy of its version can then be
// read from the version's row (see src/escalation/due-episodes.ts). And a run carries its own line
// for the episode's timeline, rather than a second row in episode_events per decision; runs from
// before this change have their line in episode_events and no summary.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class EscalationSchedule1732300000700 implements MigrationInterface {
  name = 'EscalationSchedule1732300000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE escalation_schedule (
        episode_id uuid PRIMARY KEY REFERENCES missing_episodes(id),
        next_at timestamptz NOT NULL
      );
      CREATE INDEX escalation_schedule_due ON escalation_schedule (next_at);
      INSERT INTO escalation_schedule (episode_id, next_at)
        SELECT id, next_escalation_at FROM missing_episodes WHERE closed_at IS NULL AND next_escalation_at IS NOT NULL;
      DROP INDEX missing_episodes_due;
      ALTER TABLE missing_episodes DROP COLUMN next_escalation_at;
      ALTER TABLE notifications ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
      ALTER TABLE escalation_runs ADD COLUMN summary text, ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
      CREATE FUNCTION escalation_policy_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'escalation policy versions cannot be changed; save a new version'; END $$;
      CREATE TRIGGER escalation_policies_no_update BEFORE UPDATE ON escalation_policies
        FOR EACH ROW EXECUTE FUNCTION escalation_policy_versions_immutable();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER escalation_policies_no_update ON escalation_policies;
      DROP FUNCTION escalation_policy_versions_immutable();
      ALTER TABLE notifications DROP COLUMN seq;
      ALTER TABLE escalation_runs DROP COLUMN summary, DROP COLUMN seq;
      ALTER TABLE missing_episodes ADD COLUMN next_escalation_at timestamptz;
      UPDATE missing_episodes e SET next_escalation_at = s.next_at FROM escalation_schedule s WHERE s.episode_id = e.id;
      CREATE INDEX missing_episodes_due ON missing_episodes (next_escalation_at) WHERE closed_at IS NULL;
      DROP TABLE escalation_schedule;
    `);
  }
}
