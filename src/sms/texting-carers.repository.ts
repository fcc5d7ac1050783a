// Who texted, from their number, read once at the start of every text: the children in a current
// placement where the number is a registered carer (in any authority), and the carer's language (the
// one recorded on those placements, null until known) with their authority's setting. One prepared
// statement; and the record, when a carer whose language is unknown texts in Welsh.
import { Child } from '../children/child.entity';
import { entityColumns } from '../platform/database/entity-select';
import { queryPrepared } from '../platform/database/prepared';
import type { Tx } from '../platform/database/transaction';
import type { AuthorityLanguage, Language } from '../platform/i18n/language';

export interface CarerLanguage {
  carer: Language | null;
  authority: AuthorityLanguage;
}

export interface TextingCarer {
  /** Null when the number is no current carer's. */
  language: CarerLanguage | null;
  children: Child[];
}

/** A current placement's child (null when the child belongs to another authority) and the languages. */
type Row = { texting_carer_language: Language | null; texting_authority_language: AuthorityLanguage } & (
  Child | { id: null }
);

export class TextingCarersRepository {
  /** One row per current placement of the number, the one whose language is known and most recent first. */
  async whoTexted(tx: Tx, mobile: string): Promise<TextingCarer> {
    const rows = await queryPrepared<Row>(
      tx,
      `SELECT pc.language AS texting_carer_language, a.language AS texting_authority_language,
          ${entityColumns(tx.connection, Child, 'c')}
         FROM placement_carers pc
         JOIN placements p ON p.id = pc.placement_id AND p.ended_at IS NULL
         JOIN local_authorities a ON a.id = p.authority_id
         LEFT JOIN children c ON c.id = p.child_id AND c.authority_id = p.authority_id
        WHERE pc.mobile = $1
        ORDER BY pc.language IS NULL, p.started_at DESC`,
      [mobile],
    );
    const children = new Map<string, Child>();
    for (const { texting_carer_language: _carer, texting_authority_language: _authority, ...child } of rows)
      if (child.id !== null && !children.has(child.id)) children.set(child.id, child as Child);
    return {
      language: rows.length
        ? { carer: rows[0].texting_carer_language, authority: rows[0].texting_authority_language }
        : null,
      children: [...children.values()],
    };
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
