// A refusal of another authority's record is copied onto that authority's trail at most once an hour per
// caller, record and route (AuditTrailRepository.addWithOwnersCopy). This index finds an earlier copy in a
// few pages however many other lines the caller wrote that hour, so the check costs the same whether or not
// the record exists and cannot be stretched by a caller who first writes thousands of lines.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class RefusalCopiesIndex1732300002100 implements MigrationInterface {
  name = 'RefusalCopiesIndex1732300002100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_events_refusal_copies ON audit_events (actor_user_id, entity_id, at)
      WHERE changes ? 'callerAuthorityId'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX audit_events_refusal_copies');
  }
}
