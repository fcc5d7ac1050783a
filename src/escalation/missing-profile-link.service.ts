// Opening a missing profile through a signed link (police, CEOP, the team): one child, one
// episode, until the link expires or the episode closes. Every opening is audited. The placement
// address is never part of it.
import type { DataSource } from 'typeorm';
import type { Clock } from '../platform/clock';
import type { AuditService } from '../platform/audit/audit.service';
import { Unauthorized } from '../platform/errors';
import { MissingEpisode } from '../missing/missing-episode.entity';
import type { SignedLinks } from './signed-link';

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
    const claims = this.links.verify(token, this.clock.now());
    return this.db.transaction(async (tx) => {
      const e = await tx.findOneBy(MissingEpisode, { id: claims.episodeId });
      if (!e) throw new Unauthorized('This link is not valid. Use the link exactly as it was sent, or ask the duty team for a new one.');
      if (e.closedAt) throw new Unauthorized(`This link stopped working when episode ${e.reference} closed.`);
      const [child] = await tx.query(`SELECT reference, first_names, last_name, aliases, date_of_birth::text AS date_of_birth, dob_estimated, sex,
        nationality, first_language FROM children WHERE id = $1`, [e.childId]);
      const [profile] = await tx.query(`SELECT physical_description, distinguishing_marks, photo_taken_on::text AS photo_taken_on, phones, social_media,
        languages, medical_needs, medication, associates, places, travel_cards FROM missing_profiles WHERE child_id = $1`, [e.childId]);
      await this.audit.record(tx, null, { action: 'open_link', entityType: 'missing_profile', entityId: e.id, childId: e.childId,
        authorityId: e.authorityId, changes: { audience: claims.audience, ip } });
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
  }
}
