// An episode names the saved policy version it opened under instead of carrying a copy of it.
// Versions are never changed (escalation_policy_versions_immutable) nor deleted while an episode
// names one (the foreign key), so the name is as good as the copy; the copy was 1.4 kB of a 1.6 kB
// row, and 100,000 open episodes no longer fitted PostgreSQL's default shared buffers (a sweep read
// its due episodes from disk). A copy stays only where there is no version, or where it differs from
// the version (it never should). The space comes back as rows are rewritten, or at once by
// VACUUM FULL missing_episodes in a quiet hour.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class EpisodePolicyByVersion1732300000820 implements MigrationInterface {
  name = 'EpisodePolicyByVersion1732300000820';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE missing_episodes ALTER COLUMN policy_snapshot DROP NOT NULL`);
    await q.query(`UPDATE missing_episodes e SET policy_snapshot = NULL FROM escalation_policies p
      WHERE p.id = e.policy_id AND e.policy_snapshot = jsonb_build_object('version', p.version, 'settings', p.settings, 'steps', p.steps)`);
    await q.query(`ALTER TABLE missing_episodes ADD CONSTRAINT missing_episodes_policy_known
      CHECK (policy_id IS NOT NULL OR policy_snapshot IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE missing_episodes DROP CONSTRAINT missing_episodes_policy_known`);
    await q.query(`UPDATE missing_episodes e SET policy_snapshot = jsonb_build_object('version', p.version, 'settings', p.settings, 'steps', p.steps)
      FROM escalation_policies p WHERE p.id = e.policy_id AND e.policy_snapshot IS NULL`);
    await q.query(`ALTER TABLE missing_episodes ALTER COLUMN policy_snapshot SET NOT NULL`);
  }
}
