// Core records: authorities, people with access, the append-only audit trail, and the child's
// safeguarding file (placements, carers, guardians, plans, missing profile, assessments, NRM).
import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1732300000000 implements MigrationInterface {
  name = 'Foundation1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE local_authorities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('administrator','social_worker','team_manager','senior_manager','carer','police','ceop','group_member','guardian')),
        mobile text,
        password_hash text NOT NULL,
        failed_attempts integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_key ON users (lower(email));

      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        last_used_at timestamptz
      );

      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        authority_id uuid REFERENCES local_authorities(id),
        actor_user_id uuid,
        actor_role text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        child_id uuid,
        ip text,
        changes jsonb
      );
      CREATE INDEX audit_events_child ON audit_events (child_id, at);
      CREATE INDEX audit_events_actor ON audit_events (actor_user_id, at);
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only';
      END $$;
      CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

      CREATE TABLE children (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        reference text NOT NULL,
        local_id text NOT NULL,
        first_names text NOT NULL,
        last_name text NOT NULL,
        aliases text[] NOT NULL DEFAULT '{}',
        date_of_birth date NOT NULL,
        dob_estimated boolean NOT NULL DEFAULT false,
        age_disputed boolean NOT NULL DEFAULT false,
        sex smallint NOT NULL CHECK (sex IN (1, 2)),
        gender text,
        nationality text,
        first_language text,
        interpreter_needed boolean NOT NULL DEFAULT false,
        uasc boolean NOT NULL DEFAULT false,
        arrival_date date,
        arrival_port text,
        identified_by text CHECK (identified_by IN ('border_referral','police','self_presented','other')),
        trafficking_status text NOT NULL CHECK (trafficking_status IN ('suspected','confirmed','not_trafficked','unknown')),
        social_worker_id uuid REFERENCES users(id),
        care_started_at timestamptz NOT NULL,
        care_ended_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (authority_id, reference),
        UNIQUE (authority_id, local_id)
      );

      CREATE TABLE placements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        child_id uuid NOT NULL REFERENCES children(id),
        type text NOT NULL CHECK (type IN ('foster','residential','semi_independent','supported_lodgings')),
        provider text NOT NULL,
        address text NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        end_reason text,
        created_at timestamptz NOT NULL,
        CHECK (ended_at IS NULL OR ended_at >= started_at)
      );
      -- One current placement per child, enforced by the database itself.
      CREATE UNIQUE INDEX placements_one_current ON placements (child_id) WHERE ended_at IS NULL;

      CREATE TABLE placement_carers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        placement_id uuid NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
        name text NOT NULL,
        mobile text NOT NULL,
        email text,
        UNIQUE (placement_id, mobile)
      );
      CREATE INDEX placement_carers_mobile ON placement_carers (mobile);

      CREATE TABLE guardians (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        child_id uuid NOT NULL REFERENCES children(id),
        kind text NOT NULL CHECK (kind IN ('ictg_direct_worker','ictg_regional_coordinator','parent_with_pr','special_guardian','legal_representative','other')),
        name text NOT NULL,
        organisation text,
        mobile text,
        email text,
        referred_on date,
        allocated_on date,
        ended_on date,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX guardians_child ON guardians (child_id);

      CREATE TABLE safeguarding_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        child_id uuid NOT NULL REFERENCES children(id),
        version integer NOT NULL,
        risk_of_missing text NOT NULL CHECK (risk_of_missing IN ('low','medium','high')),
        measures text[] NOT NULL DEFAULT '{}',
        agencies_to_notify text[] NOT NULL DEFAULT '{}',
        agreed_by text NOT NULL,
        agreed_on date NOT NULL,
        review_on date NOT NULL,
        notes text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL,
        UNIQUE (child_id, version)
      );

      CREATE TABLE missing_profiles (
        child_id uuid PRIMARY KEY REFERENCES children(id),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        physical_description text,
        distinguishing_marks text,
        photo_taken_on date,
        phones jsonb NOT NULL DEFAULT '[]',
        social_media jsonb NOT NULL DEFAULT '[]',
        languages text[] NOT NULL DEFAULT '{}',
        medical_needs text,
        medication text,
        associates jsonb NOT NULL DEFAULT '[]',
        places jsonb NOT NULL DEFAULT '[]',
        travel_cards text,
        missing_history text,
        updated_at timestamptz NOT NULL,
        updated_by uuid REFERENCES users(id)
      );

      CREATE TABLE trafficking_assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        child_id uuid NOT NULL REFERENCES children(id),
        indicators text[] NOT NULL DEFAULT '{}',
        outcome text NOT NULL CHECK (outcome IN ('indicators_present','no_indicators','inconclusive')),
        assessor text NOT NULL,
        assessed_on date NOT NULL,
        notes text,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX trafficking_assessments_child ON trafficking_assessments (child_id);

      CREATE TABLE nrm_referrals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        child_id uuid NOT NULL REFERENCES children(id),
        referred_on date NOT NULL,
        first_responder text NOT NULL,
        reference text,
        decision_maker text NOT NULL CHECK (decision_maker IN ('single_competent_authority','devolved_panel')),
        rg_decision text NOT NULL DEFAULT 'pending' CHECK (rg_decision IN ('pending','positive','negative','withdrawn')),
        rg_decided_on date,
        cg_decision text NOT NULL DEFAULT 'pending' CHECK (cg_decision IN ('pending','positive','negative','withdrawn')),
        cg_decided_on date,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX nrm_referrals_child ON nrm_referrals (child_id);

      CREATE TABLE contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        name text NOT NULL,
        organisation text NOT NULL,
        role text NOT NULL CHECK (role IN ('police_control_room','missing_persons_unit','ceop','operational_group_list','duty_manager','head_of_service','director','iro','other')),
        mobile text,
        email text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK (mobile IS NOT NULL OR email IS NOT NULL)
      );
      CREATE INDEX contacts_authority_role ON contacts (authority_id, role);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE contacts, nrm_referrals, trafficking_assessments, missing_profiles, safeguarding_plans,
        guardians, placement_carers, placements, children, audit_events, api_tokens, users, local_authorities;
      DROP FUNCTION audit_events_append_only();
    `);
  }
}
