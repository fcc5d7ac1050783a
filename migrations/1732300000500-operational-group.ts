// The operational group (one per authority), its members, meetings with their frozen agenda pack,
// attendance, reviews per child and actions; and attachments on outbox emails (the pack's .ics).
import { MigrationInterface, QueryRunner } from 'typeorm';

export class OperationalGroup1732300000500 implements MigrationInterface {
  name = 'OperationalGroup1732300000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE operational_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL UNIQUE REFERENCES local_authorities(id),
        name text NOT NULL,
        cadence_days integer NOT NULL DEFAULT 42 CHECK (cadence_days BETWEEN 7 AND 365),
        pack_days_before integer NOT NULL DEFAULT 7 CHECK (pack_days_before BETWEEN 1 AND 28),
        first_meeting_at timestamptz NOT NULL,
        duration_minutes integer NOT NULL DEFAULT 120,
        location text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );

      -- A member is a user or a contact (a distribution list, another agency's officer), never both.
      CREATE TABLE group_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        group_id uuid NOT NULL REFERENCES operational_groups(id),
        user_id uuid REFERENCES users(id),
        contact_id uuid REFERENCES contacts(id),
        created_at timestamptz NOT NULL,
        CHECK ((user_id IS NULL) <> (contact_id IS NULL)),
        UNIQUE (group_id, user_id),
        UNIQUE (group_id, contact_id)
      );

      -- UNIQUE (group_id, starts_at): instances scheduling the next meeting at once create one row.
      CREATE TABLE group_meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        group_id uuid NOT NULL REFERENCES operational_groups(id),
        starts_at timestamptz NOT NULL,
        duration_minutes integer NOT NULL,
        location text,
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','held','cancelled')),
        pack jsonb,
        pack_html text,
        pack_sent_at timestamptz,
        covers_from timestamptz,
        covers_to timestamptz,
        minutes text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (group_id, starts_at)
      );
      CREATE INDEX group_meetings_pack_due ON group_meetings (starts_at) WHERE pack_sent_at IS NULL AND status = 'scheduled';

      CREATE TABLE group_attendance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        meeting_id uuid NOT NULL REFERENCES group_meetings(id),
        member_id uuid REFERENCES group_members(id),
        name text NOT NULL,
        organisation text,
        attendance text NOT NULL CHECK (attendance IN ('present','apologies','absent'))
      );
      CREATE INDEX group_attendance_meeting ON group_attendance (meeting_id);

      CREATE TABLE group_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        meeting_id uuid NOT NULL REFERENCES group_meetings(id),
        child_id uuid NOT NULL REFERENCES children(id),
        episode_ids uuid[] NOT NULL DEFAULT '{}',
        indicators_considered text[] NOT NULL DEFAULT '{}',
        decision text NOT NULL,
        plan_changes text,
        debrief_arranged boolean NOT NULL DEFAULT false,
        debrief_with text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL,
        UNIQUE (meeting_id, child_id)
      );

      CREATE TABLE group_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        meeting_id uuid NOT NULL REFERENCES group_meetings(id),
        child_id uuid REFERENCES children(id),
        description text NOT NULL,
        owner_member_id uuid REFERENCES group_members(id),
        owner_name text NOT NULL,
        owner_email text,
        due_on date NOT NULL,
        completed_at timestamptz,
        completed_by uuid REFERENCES users(id),
        completion_note text,
        last_chased_on date,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX group_actions_open ON group_actions (due_on) WHERE completed_at IS NULL;

      -- Files sent with an email (the pack's calendar invitation): [{filename, contentType, content}].
      ALTER TABLE notifications ADD COLUMN attachments jsonb;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP COLUMN attachments;
      DROP TABLE group_actions, group_reviews, group_attendance, group_meetings, group_members, operational_groups`);
  }
}
