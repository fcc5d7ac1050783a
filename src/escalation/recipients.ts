// Who a step's recipient roles mean for one episode: people of the child's team (social worker,
// managers, ICTG, parents with PR, carers) and the authority's contacts by role, each with the
// addresses they can be reached at. "alerted" means everyone already alerted for this episode.
import type { Tx } from '../platform/database/transaction';
import type { RecipientType } from '../notifications/notification.entity';
import type { RecipientRole } from './escalation-policy';
import type { Audience } from './signed-link';

export interface EpisodeParty {
  episodeId: string;
  authorityId: string;
  childId: string;
  socialWorkerId: string | null;
  placementId: string | null;
  reportedByMobile: string | null;
  parentNoticeSuppressed: boolean;
}

export interface Reachable {
  role: RecipientRole;
  type: RecipientType;
  id: string | null;
  name: string;
  mobile: string | null;
  email: string | null;
  audience: Audience | null;
  /** For "alerted": the one channel they were alerted on. */
  only?: 'sms' | 'email';
}

type Row = { id: string | null; name: string; mobile: string | null; email: string | null };
const ictgKinds = ['ictg_direct_worker', 'ictg_regional_coordinator'];

/** Reads recipients; caches the authority-wide lists (managers, contacts) for one sweep. */
export class RecipientResolver {
  private readonly cache = new Map<string, Promise<Row[]>>();

  constructor(private readonly now: Date) {}

  async resolve(tx: Tx, party: EpisodeParty, role: RecipientRole): Promise<Reachable[]> {
    const rows = await this.rows(tx, party, role);
    if (role === 'alerted') return rows as Reachable[];
    const type: RecipientType = role === 'ictg' || role === 'parents_with_pr' ? 'guardian'
      : role === 'carer' ? 'carer' : ['social_worker', 'team_manager', 'senior_manager'].includes(role) ? 'user' : 'contact';
    const audience: Audience | null = role === 'carer' ? null
      : role === 'police_control_room' || role === 'missing_persons_unit' ? 'police' : role === 'ceop' ? 'ceop' : 'professional';
    return rows.map((r) => ({ ...r, role, type, audience }));
  }

  private rows(tx: Tx, p: EpisodeParty, role: RecipientRole): Promise<Row[]> {
    switch (role) {
      case 'social_worker':
        return p.socialWorkerId ? tx.query('SELECT id, name, mobile, email FROM users WHERE id = $1 AND disabled_at IS NULL', [p.socialWorkerId]) : Promise.resolve([]);
      case 'team_manager':
      case 'senior_manager':
        return this.cached(`${p.authorityId}:${role}`, () => tx.query(
          'SELECT id, name, mobile, email FROM users WHERE authority_id = $1 AND role = $2 AND disabled_at IS NULL ORDER BY name', [p.authorityId, role]));
      case 'ictg':
      case 'parents_with_pr':
        if (role === 'parents_with_pr' && p.parentNoticeSuppressed) return Promise.resolve([]);
        return tx.query(`SELECT id, name, mobile, email FROM guardians WHERE child_id = $1 AND kind = ANY($2)
          AND (ended_on IS NULL OR ended_on > $3::date) ORDER BY name`, [p.childId, role === 'ictg' ? ictgKinds : ['parent_with_pr'], this.now.toISOString().slice(0, 10)]);
      case 'carer':
        if (!p.placementId) return Promise.resolve([]);
        return tx.query(`SELECT id, name, mobile, NULL AS email FROM placement_carers WHERE placement_id = $1
          AND ($2::text IS NULL OR mobile = $2) ORDER BY name`, [p.placementId, p.reportedByMobile]);
      case 'alerted':
        return tx.query(`SELECT DISTINCT ON (address) 'alerted' AS role, recipient_type AS type, recipient_id AS id, recipient_name AS name,
            CASE WHEN channel = 'sms' THEN address END AS mobile, CASE WHEN channel = 'email' THEN address END AS email,
            NULL AS audience, channel AS only
          FROM notifications WHERE episode_id = $1 AND recipient_type <> 'carer' AND fallback_of IS NULL
          ORDER BY address, created_at`, [p.episodeId]);
      default:
        return this.cached(`${p.authorityId}:${role}`, () => tx.query(
          'SELECT id, name, mobile, email FROM contacts WHERE authority_id = $1 AND role = $2 AND active ORDER BY name', [p.authorityId, role]));
    }
  }

  private cached(key: string, load: () => Promise<Row[]>): Promise<Row[]> {
    if (!this.cache.has(key)) this.cache.set(key, load());
    return this.cache.get(key)!;
  }
}
