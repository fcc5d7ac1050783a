// List and search reads record the children they showed in changes.childIds; the audit page's child
// filter asks for them beside child_id. A GIN index (jsonb_path_ops, for @>) keeps that a lookup
// rather than a scan of the authority's whole trail. An index adds nothing an UPDATE could use: the
// trail stays append-only.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditShownChildren1732300000910 implements MigrationInterface {
  name = 'AuditShownChildren1732300000910';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX audit_events_shown_children ON audit_events USING gin ((changes -> 'childIds') jsonb_path_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX audit_events_shown_children');
  }
}
