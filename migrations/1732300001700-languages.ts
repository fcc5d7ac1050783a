// Welsh Language Standards: each person's language choice is asked and recorded, and a Welsh
// authority chooses how it speaks (Welsh first, English first, or English only). A person's choice is
// null until asked: messages to them then follow the authority's setting (bilingual where it has one).
import { MigrationInterface, QueryRunner } from 'typeorm';

const PEOPLE = ['users', 'contacts', 'placement_carers'];

export class Languages1732300001700 implements MigrationInterface {
  name = 'Languages1732300001700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE local_authorities ADD COLUMN language text NOT NULL DEFAULT 'english_only'
        CONSTRAINT local_authorities_language_check CHECK (language IN ('english_only', 'english_first', 'welsh_first'))`,
    );
    for (const table of PEOPLE) {
      await q.query(
        `ALTER TABLE ${table} ADD COLUMN language text
          CONSTRAINT ${table}_language_check CHECK (language IN ('en', 'cy'))`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of PEOPLE) await q.query(`ALTER TABLE ${table} DROP COLUMN language`);
    await q.query(`ALTER TABLE local_authorities DROP COLUMN language`);
  }
}
