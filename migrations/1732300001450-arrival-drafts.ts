// Port arrivals (issue 25): the duty social worker's unfinished arrival is kept server-side, one per
// user, so a dropped connection at the airport loses nothing (the photograph, already cleaned, with
// it). The guardian service (ICTG) becomes a contact role, told of each arrival like the police.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const rolesBefore = `'police_control_room','missing_persons_unit','ceop','operational_group_list','duty_manager',
  'head_of_service','director','iro','missing_coordinator','other'`;

export class ArrivalDrafts1732300001450 implements MigrationInterface {
  name = 'ArrivalDrafts1732300001450';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE arrival_drafts (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        sections jsonb NOT NULL DEFAULT '{}'::jsonb,
        photo bytea,
        photo_content_type text,
        started_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      ALTER TABLE contacts DROP CONSTRAINT contacts_role_check, ADD CONSTRAINT contacts_role_check CHECK (role IN
        (${rolesBefore}, 'guardian_service'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM contacts WHERE role = 'guardian_service';
      ALTER TABLE contacts DROP CONSTRAINT contacts_role_check, ADD CONSTRAINT contacts_role_check CHECK (role IN
        (${rolesBefore}));
      DROP TABLE arrival_drafts;
    `);
  }
}
