// The figures count an authority's alerts by when they were written; without this index that is
// a scan of every notification in the country (10 million in the national benchmark).
import { MigrationInterface, QueryRunner } from 'typeorm';

export class FiguresIndexes1732300000600 implements MigrationInterface {
  name = 'FiguresIndexes1732300000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX notifications_authority_created ON notifications (authority_id, created_at) WHERE episode_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX notifications_authority_created');
  }
}
