// Missing episodes and their escalation: the versioned policy per authority, the episode (with a
// copy of the policy in force when it opened), its timeline, police risk-grade history, one row
// per escalation step run (the exactly-once guard) and the sweep's run keys.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class MissingEpisodes1732300000300 implements MigrationInterface {
  name = 'MissingEpisodes1732300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS btree_gist;

      CREATE TABLE escalation_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        version integer NOT NULL CHECK (version > 0),
        settings jsonb NOT NULL,
        steps jsonb NOT NULL,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL,
        UNIQUE (authority_id, version)
      );

      CREATE TABLE missing_episodes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        child_id uuid NOT NULL REFERENCES children(id),
        placement_id uuid REFERENCES placements(id),
        reference text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('M','A')),
        state text NOT NULL CHECK (state IN ('reported','police_informed','returned','return_interview_due','return_interview_held','closed')),
        discovered_at timestamptz NOT NULL,
        last_seen_at timestamptz,
        last_seen_where text,
        last_seen_by text,
        last_seen_clothing text,
        reported_at timestamptz NOT NULL,
        reported_via text NOT NULL CHECK (reported_via IN ('sms','web','phone')),
        reported_by_user_id uuid REFERENCES users(id),
        reported_by_name text NOT NULL,
        reported_by_mobile text,
        reported_to_police_at timestamptz,
        police_reference text,
        risk_grade text CHECK (risk_grade IN ('very_low','low','medium','high')),
        risk_high_at timestamptz,
        high_risk_from_start boolean NOT NULL,
        trafficking_status text NOT NULL,
        placement_started_at timestamptz,
        repeat_count integer NOT NULL DEFAULT 1,
        parent_notice_suppressed_reason text,
        returned_at timestamptz,
        returned_where text,
        returned_by text,
        prevention_interview_at timestamptz,
        prevention_interview_by text,
        return_interview_offered_at timestamptz,
        return_interview_held_at timestamptz,
        return_interview_by text,
        return_interview_declined boolean NOT NULL DEFAULT false,
        return_interview_attempts integer NOT NULL DEFAULT 0,
        return_interview_reason_not_held text,
        closed_at timestamptz,
        close_reason text,
        policy_id uuid REFERENCES escalation_policies(id),
        policy_snapshot jsonb NOT NULL,
        visible_to_roles text[] NOT NULL DEFAULT '{}',
        next_escalation_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (authority_id, reference),
        CHECK (returned_at IS NULL OR returned_at >= discovered_at),
        CHECK (closed_at IS NULL OR closed_at >= discovered_at),
        CHECK ((state = 'closed') = (closed_at IS NOT NULL)),
        -- Episodes of one child never overlap: each runs from discovery to return (or closing).
        CONSTRAINT missing_episodes_no_overlap EXCLUDE USING gist
          (child_id WITH =, tstzrange(discovered_at, coalesce(returned_at, closed_at), '[)') WITH &&)
      );
      -- One open episode per child, enforced by the database itself.
      CREATE UNIQUE INDEX missing_episodes_one_open ON missing_episodes (child_id) WHERE closed_at IS NULL;
      -- The sweep reads only open episodes with something due, so its cost follows due episodes.
      CREATE INDEX missing_episodes_due ON missing_episodes (next_escalation_at) WHERE closed_at IS NULL;
      CREATE INDEX missing_episodes_authority ON missing_episodes (authority_id, discovered_at DESC);
      CREATE INDEX missing_episodes_child ON missing_episodes (child_id, discovered_at);

      CREATE TABLE episode_events (
        id bigserial PRIMARY KEY,
        episode_id uuid NOT NULL REFERENCES missing_episodes(id),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        at timestamptz NOT NULL,
        type text NOT NULL,
        actor_user_id uuid,
        actor_name text,
        step_key text,
        repeat integer,
        summary text NOT NULL,
        data jsonb
      );
      CREATE INDEX episode_events_episode ON episode_events (episode_id, id);

      CREATE TABLE episode_risk_grades (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        episode_id uuid NOT NULL REFERENCES missing_episodes(id),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        grade text NOT NULL CHECK (grade IN ('very_low','low','medium','high')),
        previous_grade text,
        reason text NOT NULL,
        graded_by_user_id uuid REFERENCES users(id),
        graded_by_name text NOT NULL,
        graded_at timestamptz NOT NULL
      );
      CREATE INDEX episode_risk_grades_episode ON episode_risk_grades (episode_id, graded_at);

      CREATE TABLE escalation_runs (
        episode_id uuid NOT NULL REFERENCES missing_episodes(id),
        step_key text NOT NULL,
        repeat integer NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('fired','skipped')),
        reason text NOT NULL,
        due_at timestamptz,
        ran_at timestamptz NOT NULL,
        notifications integer NOT NULL DEFAULT 0,
        PRIMARY KEY (episode_id, step_key, repeat)
      );

      CREATE TABLE escalation_sweep_slots (
        key text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE escalation_sweep_slots, escalation_runs, episode_risk_grades, episode_events,
      missing_episodes, escalation_policies`);
  }
}
