// The language each queued message's recipient reads: their recorded choice (users, contacts,
// placement carers) and their authority's setting, in one query for a whole batch of messages.
// A carer texted about a bed check is known by mobile only: their most recent placement's choice.
import { queryPrepared } from '../platform/database/prepared';
import type { Tx } from '../platform/database/transaction';
import type { AuthorityLanguage, Language } from '../platform/i18n/language';
import type { RecipientType } from './notification.entity';

export interface LanguageQuery {
  authorityId: string;
  type: RecipientType;
  id: string | null;
  address: string;
}

export interface Languages {
  authority: Map<string, AuthorityLanguage>;
  /** By "user:<id>", "contact:<id>", "carer:<id>" or "mobile:<authority id> <mobile>". */
  person: Map<string, Language | null>;
}

/** Where each recipient type's own choice is kept (guardians have none: the authority's setting decides). */
const TABLE_OF: Partial<Record<RecipientType, 'user' | 'contact' | 'carer'>> = {
  user: 'user',
  duty: 'contact',
  contact: 'contact',
  carer: 'carer',
};
export const personKey = (q: LanguageQuery): string | null => {
  const table = TABLE_OF[q.type];
  if (!table) return null;
  return q.id ? `${table}:${q.id}` : table === 'carer' ? `mobile:${q.authorityId} ${q.address}` : null;
};

const LANGUAGES = `
  SELECT 'authority:' || id AS key, language FROM local_authorities WHERE id = ANY($5::uuid[])
  UNION ALL SELECT 'user:' || id, language FROM users WHERE id = ANY($1::uuid[])
  UNION ALL SELECT 'contact:' || id, language FROM contacts WHERE id = ANY($2::uuid[])
  UNION ALL SELECT 'carer:' || id, language FROM placement_carers WHERE id = ANY($3::uuid[])
  UNION ALL SELECT 'mobile:' || pc.authority_id || ' ' || pc.mobile,
      (array_agg(pc.language ORDER BY p.started_at DESC) FILTER (WHERE pc.language IS NOT NULL))[1]
    FROM unnest($4::uuid[], $6::text[]) AS k(authority_id, mobile)
    JOIN placement_carers pc ON pc.mobile = k.mobile AND pc.authority_id = k.authority_id
    JOIN placements p ON p.id = pc.placement_id
    GROUP BY pc.authority_id, pc.mobile`;

export class RecipientLanguagesRepository {
  async find(tx: Tx, queries: LanguageQuery[]): Promise<Languages> {
    const authorityIds = [...new Set(queries.map((q) => q.authorityId))];
    const keys = [...new Set(queries.map(personKey).filter((k): k is string => k !== null))];
    const of = (prefix: string) => keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
    // "<authority id> <mobile>": the carer's mobile within that authority, matched by its index on mobile.
    const mobiles = of('mobile:').map((k) => {
      const space = k.indexOf(' ');
      return [k.slice(0, space), k.slice(space + 1)];
    });
    const rows = await queryPrepared<{ key: string; language: string | null }>(tx, LANGUAGES, [
      of('user:'),
      of('contact:'),
      of('carer:'),
      mobiles.map(([authority]) => authority),
      authorityIds,
      mobiles.map(([, mobile]) => mobile),
    ]);
    const authority = new Map<string, AuthorityLanguage>();
    const person = new Map<string, Language | null>();
    for (const { key, language } of rows)
      if (key.startsWith('authority:')) authority.set(key.slice('authority:'.length), language as AuthorityLanguage);
      else person.set(key, language as Language | null);
    return { authority, person };
  }
}
