// An "away" episode (whereabouts known) that becomes "missing" (whereabouts unknown) starts the
// missing ladder at that moment: the moment is kept on the episode, as the ladder measures from it.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EpisodeMissingSince1732300000920 implements MigrationInterface {
  name = 'EpisodeMissingSince1732300000920';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE missing_episodes ADD COLUMN missing_since timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE missing_episodes DROP COLUMN missing_since');
  }
}
