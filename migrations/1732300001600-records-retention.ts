// Keeping and releasing records lawfully (issue 28): retention rules as data (national defaults with
// their legal source, authority overrides), review items the nightly job finds, legal holds per
// child, tombstones of what was removed, subject access requests with their pauses and redactions,
// corrections to a child's record, and the data protection officer's role.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const roles = [
  'administrator',
  'social_worker',
  'team_manager',
  'senior_manager',
  'carer',
  'police',
  'ceop',
  'group_member',
  'guardian',
];
const list = (r: string[]) => r.map((x) => `'${x}'`).join(',');

const caseRecord =
  "Children's Homes (England) Regulations 2015 reg. 37 and Care Planning, Placement and Case Review (England) " +
  'Regulations 2010 reg. 50 (Wales: the Care Planning, Placement and Case Review (Wales) Regulations 2015): ' +
  "the case record is kept until the child's 75th birthday, or 15 years after death if the child dies before 18.";
const inquiry =
  'Child-protection records are not destroyed while the Independent Inquiry into Child Sexual Abuse’s request ' +
  'to keep them stands (inquiry hold on).';
const partOfCase = 'Part of the looked-after child’s case record: kept as long as that record. ' + caseRecord;
// [kind, keep years, anchor, action, inquiry hold, source]
const defaults: [string, number, string, string, boolean, string][] = [
  ['child_record', 75, 'date_of_birth', 'anonymise', true, `${caseRecord} ${inquiry}`],
  ['placements', 75, 'child_record', 'keep', true, partOfCase],
  ['plans', 75, 'child_record', 'keep', true, partOfCase],
  ['profiles_photos', 75, 'child_record', 'keep', true, partOfCase],
  ['episodes', 75, 'child_record', 'keep', true, partOfCase],
  ['messages', 75, 'child_record', 'keep', true, 'The delivery record of each message is part of the case record.'],
  [
    'message_bodies',
    2,
    'sent',
    'shorten',
    false,
    'UK GDPR art. 5(1)(e) storage limitation: the text of an alert is needed while the episode is worked and ' +
      'reviewed; after two years the body is removed and the delivery record (who, when, status) kept.',
  ],
  [
    'inbound_texts',
    2,
    'received',
    'shorten',
    false,
    'UK GDPR art. 5(1)(e): a carer’s text is copied onto the episode timeline; after two years the body is ' +
      'removed and the record of its receipt (number, time, what it was understood as) kept.',
  ],
  [
    'audit_trail',
    75,
    'child_record',
    'keep',
    true,
    'Who read or changed a child’s record is kept as long as the record itself (accountability, UK GDPR ' +
      'art. 5(2)); the database lets no one change or delete it.',
  ],
  [
    'users',
    6,
    'disabled',
    'anonymise',
    false,
    'Limitation Act 1980 s.5 (six years): an account is anonymised six years after it was disabled; what the ' +
      'person did stays in the audit trail under their id.',
  ],
  [
    'carers',
    10,
    'placement_end',
    'anonymise',
    false,
    'Fostering Services (England) Regulations 2011 reg. 32 and the Welsh equivalent: records about foster ' +
      'carers are kept at least 10 years (counted here from the end of the placement).',
  ],
  [
    'contacts',
    2,
    'deactivated',
    'anonymise',
    false,
    'UK GDPR art. 5(1)(e): a contact no longer alerted is anonymised two years after it was made inactive.',
  ],
];

export class RecordsRetention1732300001600 implements MigrationInterface {
  name = 'RecordsRetention1732300001600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check,
      ADD CONSTRAINT users_role_check CHECK (role IN (${list([...roles, 'data_protection_officer'])}))`);
    await q.query(`
      CREATE TABLE retention_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid REFERENCES local_authorities(id),
        kind text NOT NULL,
        keep_years integer NOT NULL CHECK (keep_years BETWEEN 1 AND 120),
        anchor text NOT NULL,
        action text NOT NULL CHECK (action IN ('anonymise', 'shorten', 'keep')),
        automatic boolean NOT NULL DEFAULT false,
        inquiry_hold boolean NOT NULL DEFAULT false,
        source text NOT NULL,
        change_reason text,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- One national default per kind (authority_id NULL) and at most one override per authority.
      CREATE UNIQUE INDEX retention_rules_kind ON retention_rules
        (COALESCE(authority_id, '00000000-0000-0000-0000-000000000000'::uuid), kind);

      CREATE TABLE legal_holds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        child_id uuid NOT NULL REFERENCES children(id),
        reason text NOT NULL,
        placed_by uuid NOT NULL REFERENCES users(id),
        placed_at timestamptz NOT NULL,
        released_by uuid REFERENCES users(id),
        released_at timestamptz,
        release_reason text
      );
      CREATE INDEX legal_holds_child ON legal_holds (child_id) WHERE released_at IS NULL;

      CREATE TABLE retention_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        kind text NOT NULL,
        record_id uuid NOT NULL,
        child_id uuid,
        action text NOT NULL,
        record_date date,
        due_on date NOT NULL,
        found_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'due' CHECK (status IN ('due', 'asked', 'done', 'kept')),
        asked_by uuid REFERENCES users(id),
        asked_at timestamptz,
        ask_reason text,
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        keep_reason text
      );
      CREATE UNIQUE INDEX retention_reviews_open ON retention_reviews (kind, record_id) WHERE status IN ('due', 'asked');
      CREATE INDEX retention_reviews_authority ON retention_reviews (authority_id, status, due_on);

      CREATE TABLE retention_tombstones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        review_id uuid REFERENCES retention_reviews(id),
        kind text NOT NULL,
        record_id uuid NOT NULL,
        child_id uuid,
        action text NOT NULL,
        record_date date,
        due_on date NOT NULL,
        asked_by uuid REFERENCES users(id),
        asked_at timestamptz,
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz NOT NULL,
        automatic boolean NOT NULL DEFAULT false,
        rule_source text NOT NULL
      );
      CREATE INDEX retention_tombstones_authority ON retention_tombstones (authority_id, approved_at);

      ALTER TABLE notifications ADD COLUMN body_removed_at timestamptz;
      ALTER TABLE inbound_messages ADD COLUMN body_removed_at timestamptz;
      ALTER TABLE users ADD COLUMN anonymised_at timestamptz;
      ALTER TABLE contacts ADD COLUMN anonymised_at timestamptz;
      ALTER TABLE placement_carers ADD COLUMN anonymised_at timestamptz;
      ALTER TABLE children ADD COLUMN anonymised_at timestamptz;

      CREATE TABLE subject_access_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        subject_kind text NOT NULL CHECK (subject_kind IN ('child', 'carer')),
        child_id uuid REFERENCES children(id),
        carer_mobile text,
        requester text NOT NULL,
        received_on date NOT NULL,
        extension_months integer NOT NULL DEFAULT 0 CHECK (extension_months BETWEEN 0 AND 2),
        extension_reason text,
        completed_at timestamptz,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        CHECK ((subject_kind = 'child') = (child_id IS NOT NULL)),
        CHECK ((subject_kind = 'carer') = (carer_mobile IS NOT NULL))
      );
      CREATE INDEX subject_access_requests_authority ON subject_access_requests (authority_id, received_on);

      CREATE TABLE subject_access_pauses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES subject_access_requests(id),
        paused_on date NOT NULL,
        resumed_on date,
        reason text NOT NULL,
        paused_by uuid NOT NULL REFERENCES users(id),
        resumed_by uuid REFERENCES users(id)
      );
      CREATE UNIQUE INDEX subject_access_pauses_open ON subject_access_pauses (request_id) WHERE resumed_on IS NULL;

      CREATE TABLE subject_access_redactions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES subject_access_requests(id),
        section text NOT NULL,
        item_id text NOT NULL,
        field text NOT NULL DEFAULT '',
        reason text NOT NULL CHECK (reason IN ('other_child', 'carer_contact', 'police_information', 'third_party')),
        note text,
        marked_by uuid NOT NULL REFERENCES users(id),
        marked_at timestamptz NOT NULL,
        UNIQUE (request_id, section, item_id, field)
      );

      CREATE TABLE child_corrections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES local_authorities(id),
        child_id uuid NOT NULL REFERENCES children(id),
        field text NOT NULL,
        old_value jsonb,
        new_value jsonb,
        reason text NOT NULL,
        corrected_by uuid NOT NULL REFERENCES users(id),
        corrected_at timestamptz NOT NULL
      );
      CREATE INDEX child_corrections_child ON child_corrections (child_id, corrected_at);
    `);
    for (const [kind, years, anchor, action, inquiryHold, source] of defaults)
      await q.query(
        `INSERT INTO retention_rules (kind, keep_years, anchor, action, inquiry_hold, source)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [kind, years, anchor, action, inquiryHold, source],
      );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE child_corrections, subject_access_redactions, subject_access_pauses, subject_access_requests,
        retention_tombstones, retention_reviews, legal_holds, retention_rules;
      ALTER TABLE notifications DROP COLUMN body_removed_at;
      ALTER TABLE inbound_messages DROP COLUMN body_removed_at;
      ALTER TABLE users DROP COLUMN anonymised_at;
      ALTER TABLE contacts DROP COLUMN anonymised_at;
      ALTER TABLE placement_carers DROP COLUMN anonymised_at;
      ALTER TABLE children DROP COLUMN anonymised_at;
    `);
    // NOT VALID: data protection officers made while this stood keep their accounts; no new one can be made.
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check,
      ADD CONSTRAINT users_role_check CHECK (role IN (${list(roles)})) NOT VALID`);
  }
}
