// A texting carer's language: the one recorded on their current placements (null until known) and
// their authority's setting; and the record, when a carer whose language is unknown texts in Welsh.
import { queryPrepared } from '../platform/database/prepared';
import type { Tx } from '../platform/database/transaction';
import type { AuthorityLanguage, Language } from '../platform/i18n/language';

export interface CarerLanguage {
  carer: Language | null;
  authority: AuthorityLanguage;
}

export class CarerLanguagesRepository {
  /** From the carer's most recent current placement; null when the number is no current carer's. */
  async forMobile(tx: Tx, mobile: string): Promise<CarerLanguage | null> {
    const rows = await queryPrepared<CarerLanguage>(
      tx,
      `SELECT pc.language AS carer, a.language AS authority
         FROM placement_carers pc
         JOIN placements p ON p.id = pc.placement_id AND p.ended_at IS NULL
         JOIN local_authorities a ON a.id = p.authority_id
        WHERE pc.mobile = $1
        ORDER BY pc.language IS NULL, p.started_at DESC LIMIT 1`,
      [mobile],
    );
    return rows[0] ?? null;
  }

  /** Records Welsh on the carer's current placements where nobody has recorded a language yet. */
  async recordIfUnknown(tx: Tx, mobile: string, language: Language): Promise<void> {
    await tx.query(
      `UPDATE placement_carers pc SET language = $2
         FROM placements p
        WHERE p.id = pc.placement_id AND p.ended_at IS NULL AND pc.mobile = $1 AND pc.language IS NULL`,
      [mobile, language],
    );
  }
}
