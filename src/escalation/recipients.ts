// Who a step's recipient roles mean for one episode: people of the child's team (social worker,
// managers, ICTG, parents with PR, carers) and the authority's contacts by role, each with the
// addresses they can be reached at. "alerted" means everyone already alerted for this episode.
// The host roles come from the episode's placement when it is out of area (nobody otherwise).
import type { RecipientType } from '../notifications/notification.entity';
import type { Tx } from '../platform/database/transaction';
import type { RecipientRole } from './escalation-policy';
import {
  ictgKinds,
  ListQuery,
  perEpisodeQuery,
  readAsOneRow,
  readContacts,
  readList,
  readManagers,
  wideQuery,
} from './recipients.repository';
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
  /** A number to call (contacts and users who have one). */
  voice: string | null;
  audience: Audience | null;
  /** For "alerted": the one channel they were alerted on. */
  only?: 'sms' | 'email';
}

type Row = { id: string | null; name: string; mobile: string | null; email: string | null; voice?: string | null };

type EpisodeRow = Row & { episode_id: string; kind?: string };
export type PerEpisode = 'social_worker' | 'guardians' | 'carer' | 'alerted' | 'host';
/** The roles read per episode, and the list each comes from; every other role is authority-wide. */
const perEpisodeList: Partial<Record<RecipientRole, PerEpisode>> = {
  social_worker: 'social_worker',
  ictg: 'guardians',
  parents_with_pr: 'guardians',
  carer: 'carer',
  alerted: 'alerted',
  host_police_control_room: 'host',
  host_authority_coordinator: 'host',
};

/** Reads recipients; caches the authority-wide lists (managers, contacts) for one sweep. */
export class RecipientResolver {
  private readonly cache = new Map<string, Promise<Row[]>>();

  constructor(private readonly now: Date) {}

  /** Recipients for a batch of episodes: each per-episode list is read once for the whole batch. */
  forBatch(parties: EpisodeParty[]): BatchRecipients {
    return new BatchRecipients(this, this.now, parties);
  }

  /** Whether the authority's list for this role is read already (in this sweep or report). */
  knows(authorityId: string, role: RecipientRole): boolean {
    return this.cache.has(`${authorityId}:${role}`);
  }

  remember(authorityId: string, role: RecipientRole, rows: Row[]): void {
    this.cache.set(`${authorityId}:${role}`, Promise.resolve(rows));
  }

  authorityWide(tx: Tx, authorityId: string, role: RecipientRole): Promise<Row[]> {
    const key = `${authorityId}:${role}`;
    if (!this.cache.has(key)) {
      this.cache.set(
        key,
        ['team_manager', 'senior_manager'].includes(role)
          ? readManagers(tx, authorityId, role)
          : readContacts(tx, authorityId, role),
      );
    }
    return this.cache.get(key)!;
  }
}

export class BatchRecipients {
  private readonly loaded = new Map<PerEpisode, Promise<Map<string, EpisodeRow[]>>>();
  /** Messages planned earlier in this run, which "alerted" must include though they are not written yet. */
  private readonly queued = new Map<string, Reachable[]>();

  constructor(
    private readonly resolver: RecipientResolver,
    private readonly now: Date,
    private readonly parties: EpisodeParty[],
  ) {}

  async resolve(tx: Tx, party: EpisodeParty, role: RecipientRole): Promise<Reachable[]> {
    const rows = await this.rows(tx, party, role);
    if (role === 'alerted') return rows as Reachable[];
    const type: RecipientType =
      role === 'ictg' || role === 'parents_with_pr'
        ? 'guardian'
        : role === 'carer'
          ? 'carer'
          : ['social_worker', 'team_manager', 'senior_manager'].includes(role)
            ? 'user'
            : 'contact';
    const audience: Audience | null =
      role === 'carer'
        ? null
        : role === 'police_control_room' || role === 'missing_persons_unit' || role === 'host_police_control_room'
          ? 'police'
          : role === 'ceop'
            ? 'ceop'
            : 'professional';
    return rows.map(({ id, name, mobile, email, voice }) => ({
      id,
      name,
      mobile,
      email,
      voice: voice ?? null,
      role,
      type,
      audience,
    }));
  }

  /** Notes a message planned for an episode (not to a carer, not a fallback) so later "alerted" steps include it. */
  noteQueued(episodeId: string, person: Reachable): void {
    this.queued.set(episodeId, [...(this.queued.get(episodeId) ?? []), person]);
  }

  /**
   * Reads every list these roles need that is not read yet in one statement, each list a JSON
   * column: for a report's single episode that is one round trip where there were five or six.
   */
  async prefetch(tx: Tx, roles: Iterable<RecipientRole>): Promise<void> {
    const parts: { name: string; query: ListQuery }[] = [];
    const wide = new Set<RecipientRole>();
    for (const role of roles) {
      const list = perEpisodeList[role];
      if (list && !this.loaded.has(list) && !parts.some((p) => p.name === list))
        parts.push({ name: list, query: perEpisodeQuery(list, this.parties, this.now) });
      if (!list) wide.add(role);
    }
    const authorities = [...new Set(this.parties.map((p) => p.authorityId))];
    const wanted = [...wide].flatMap((role) =>
      authorities.filter((a) => !this.resolver.knows(a, role)).map((authorityId) => ({ authorityId, role })),
    );
    if (wanted.length)
      parts.push({ name: 'wide', query: wideQuery(authorities, [...new Set(wanted.map((w) => w.role))]) });
    if (!parts.length) return;
    const row = await readAsOneRow(
      tx,
      parts.map((p) => p.query),
    );
    parts.forEach((p, i) => {
      if (p.name !== 'wide') this.loaded.set(p.name as PerEpisode, Promise.resolve(groupByEpisode(row[i])));
    });
    const wideRows: (Row & { authority_id: string; role: string })[] = wanted.length ? row[parts.length - 1] : [];
    for (const { authorityId, role } of wanted) {
      this.resolver.remember(
        authorityId,
        role,
        wideRows
          .filter((r) => r.authority_id === authorityId && r.role === role)
          .map(({ id, name, mobile, email, voice }) => ({ id, name, mobile, email, voice })),
      );
    }
  }

  private async rows(tx: Tx, p: EpisodeParty, role: RecipientRole): Promise<Row[]> {
    switch (role) {
      case 'social_worker':
        return this.perEpisode(tx, 'social_worker', p);
      case 'team_manager':
      case 'senior_manager':
        return this.resolver.authorityWide(tx, p.authorityId, role);
      case 'ictg':
        return (await this.perEpisode(tx, 'guardians', p)).filter((g) => ictgKinds.includes(g.kind!));
      case 'parents_with_pr':
        if (p.parentNoticeSuppressed) return [];
        return (await this.perEpisode(tx, 'guardians', p)).filter((g) => g.kind === 'parent_with_pr');
      case 'carer':
        return this.perEpisode(tx, 'carer', p);
      case 'alerted':
        return this.alerted(tx, p);
      case 'host_police_control_room':
      case 'host_authority_coordinator':
        // A row without an address stands for a host with no contact known: the step reports nobody.
        return (await this.perEpisode(tx, 'host', p)).filter(
          (h) => h.kind === (role === 'host_police_control_room' ? 'police' : 'coordinator'),
        );
      default:
        return this.resolver.authorityWide(tx, p.authorityId, role);
    }
  }

  private async alerted(tx: Tx, p: EpisodeParty): Promise<Row[]> {
    const rows = (await this.perEpisode(tx, 'alerted', p)) as unknown as Reachable[];
    const known = new Set(rows.map((r) => r.mobile ?? r.email));
    const fresh = (this.queued.get(p.episodeId) ?? []).filter(
      (r) => !known.has(r.mobile ?? r.email) && known.add(r.mobile ?? r.email),
    );
    return [...rows, ...fresh].sort((a, b) => ((a.mobile ?? a.email)! < (b.mobile ?? b.email)! ? -1 : 1));
  }

  private async perEpisode(tx: Tx, list: PerEpisode, p: EpisodeParty): Promise<EpisodeRow[]> {
    if (!this.loaded.has(list)) this.loaded.set(list, this.load(tx, list).then(groupByEpisode));
    return (await this.loaded.get(list)!).get(p.episodeId) ?? [];
  }

  private load(tx: Tx, list: PerEpisode): Promise<EpisodeRow[]> {
    return readList(tx, perEpisodeQuery(list, this.parties, this.now));
  }
}

function groupByEpisode(rows: EpisodeRow[]): Map<string, EpisodeRow[]> {
  const byEpisode = new Map<string, EpisodeRow[]>();
  for (const { episode_id: episodeId, ...row } of rows)
    byEpisode.set(episodeId, [...(byEpisode.get(episodeId) ?? []), row as EpisodeRow]);
  return byEpisode;
}
