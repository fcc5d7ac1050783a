// Who is told of a port arrival: the authority's police (control room, missing persons unit) and its
// guardian service contacts, active ones only.
import type { Tx } from '../platform/database/transaction';

export interface NoticeContact {
  id: string;
  name: string;
  role: string;
  mobile: string | null;
  email: string | null;
}

export class ArrivalNoticesRepository {
  contacts(tx: Tx, authorityId: string): Promise<NoticeContact[]> {
    return tx.query(
      `SELECT id, name, role, mobile, email FROM contacts
      WHERE authority_id = $1 AND active AND role IN ('police_control_room', 'missing_persons_unit', 'guardian_service')
      ORDER BY role, name`,
      [authorityId],
    );
  }

  async authorityName(tx: Tx, authorityId: string): Promise<string> {
    const [row] = await tx.query('SELECT name FROM local_authorities WHERE id = $1', [authorityId]);
    return row.name;
  }
}
