// The authority's active duty managers, who are told when a message could not be delivered. A plain
// query rather than the contacts module, which is written separately.
import type { Tx } from '../platform/database/transaction';

export interface DutyManager {
  id: string;
  name: string;
  mobile: string | null;
  email: string | null;
}

export async function activeDutyManagers(tx: Tx, authorityId: string): Promise<DutyManager[]> {
  return tx.query(
    `SELECT id, name, mobile, email FROM contacts WHERE authority_id = $1 AND role = 'duty_manager' AND active ORDER BY name, id`,
    [authorityId],
  );
}
