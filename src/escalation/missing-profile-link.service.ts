// Opening a missing profile through a signed link (police, CEOP, the team): one child, one
// episode, until the link expires or the episode closes. Every opening is audited. The placement
// address is never part of it.
import type { DataSource } from 'typeorm';
import type { Clock } from '../platform/clock';
import type { AuditService } from '../platform/audit/audit.service';
import { Unauthorized } from '../platform/errors';
import { MissingEpisode } from '../missing/missing-episode.entity';
import { claimedEpisodeId, LINK_EXPIRED, LINK_NOT_VALID, looksLikeLink, type LinkClaims, type SignedLinks } from './signed-link';

export interface ProfileView {
  audience: string;
  expiresAt: Date;
  episode: { reference: string; kind: string; discoveredAt: Date; lastSeen: { at: Date | null; where: string | null; clothing: string | null };
    riskGrade: string | null; highRiskFromStart: boolean; policeReference: string | null };
  child: Record<string, unknown>;
  profile: Record<string, unknown> | null;
}

export class MissingProfileLinkService {
  constructor(private readonly db: DataSource, private readonly clock: Clock, private readonly audit: AuditService, private readonly links: SignedLinks,
    /** Times on the page are shown in this zone. */
    readonly timeZone: string) {}

  async open(token: string, ip: string | null): Promise<ProfileView> {
    const claims = this.links.read(token);
    if (!claims) {
      await this.refuseForged(token, ip);
      throw new Unauthorized(LINK_NOT_VALID);
    }
    const opened = await this.db.transaction(async (tx): Promise<ProfileView | Unauthorized> => {
      const e = await tx.findOneBy(MissingEpisode, { id: claims.episodeId });
      const refusal = this.refusal(claims, e);
      if (refusal) {
        // Committed with this transaction; the refusal is thrown only once it is written.
        await this.audit.record(tx, null, { action: 'refused', entityType: 'missing_profile', entityId: e?.id ?? null, childId: e?.childId ?? null,
          authorityId: e?.authorityId ?? null, ip, changes: { reason: refusal.reason, audience: claims.audience } });
        return new Unauthorized(refusal.message);
      }
      if (!e) throw new Unauthorized(LINK_NOT_VALID); // refusal() has already answered this; for the type checker
      const [child] = await tx.query(`SELECT reference, first_names, last_name, aliases, date_of_birth::text AS date_of_birth, dob_estimated, sex,
        nationality, first_language FROM children WHERE id = $1`, [e.childId]);
      const [profile] = await tx.query(`SELECT physical_description, distinguishing_marks, photo_taken_on::text AS photo_taken_on, phones, social_media,
        languages, medical_needs, medication, associates, places, travel_cards FROM missing_profiles WHERE child_id = $1`, [e.childId]);
      await this.audit.record(tx, null, { action: 'open_link', entityType: 'missing_profile', entityId: e.id, childId: e.childId,
        authorityId: e.authorityId, ip, changes: { audience: claims.audience } });
      return {
        audience: claims.audience, expiresAt: claims.expiresAt,
        episode: { reference: e.reference, kind: e.kind, discoveredAt: e.discoveredAt, riskGrade: e.riskGrade, highRiskFromStart: e.highRiskFromStart,
          lastSeen: { at: e.lastSeenAt, where: e.lastSeenWhere, clothing: e.lastSeenClothing }, policeReference: e.policeReference },
        child: { reference: child.reference, firstNames: child.first_names, lastName: child.last_name, aliases: child.aliases,
          dateOfBirth: child.date_of_birth, dobEstimated: child.dob_estimated, sex: child.sex === 1 ? 'male' : 'female',
          nationality: child.nationality, firstLanguage: child.first_language },
        profile: profile ? {
          description: profile.physical_description, distinguishingMarks: profile.distinguishing_marks, photoTakenOn: profile.photo_taken_on,
          languages: profile.languages, phones: profile.phones, socialMedia: profile.social_media, associates: profile.associates,
          places: profile.places, medicalNeeds: profile.medical_needs, medication: profile.medication, travelCards: profile.travel_cards,
        } : null,
      };
    });
    if (opened instanceof Unauthorized) throw opened;
    return opened;
  }

  /** Why a genuinely signed link no longer opens, or null while it does. */
  private refusal(claims: LinkClaims, e: MissingEpisode | null): { reason: string; message: string } | null {
    if (claims.expiresAt <= this.clock.now()) return { reason: 'expired', message: LINK_EXPIRED };
    if (!e) return { reason: 'no_episode', message: LINK_NOT_VALID };
    if (e.closedAt) return { reason: 'episode_closed', message: `This link stopped working when episode ${e.reference} closed.` };
    return null;
  }

  /**
   * An altered or forged link: a line with no authority (its claims cannot be trusted to name one),
   * the episode it claims and the address; never the token. A string without a link's shape is
   * refused without a line, so junk sent to /p/ cannot fill the trail.
   */
  private async refuseForged(token: string, ip: string | null): Promise<void> {
    if (!looksLikeLink(token)) return;
    await this.audit.record(null, null, { action: 'refused', entityType: 'missing_profile', ip,
      changes: { reason: 'bad_signature', claimedEpisodeId: claimedEpisodeId(token) } });
  }
}
