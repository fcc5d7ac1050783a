// The signed missing-profile link (police, CEOP, the team): one child, one episode, until the link
// expires or the episode closes. Opening it, its photograph and acknowledging through it are each
// audited. The link is the credential: its holder acts as the contacts it was sent to. The
// placement address is never part of it.
import type { DataSource } from 'typeorm';

import { acknowledgedLine } from '../missing/timeline-lines';
import {
  MissingProfilePhotosRepository,
  type StoredPhoto,
} from '../missing-profiles/missing-profile-photos.repository';
import { AcknowledgementsRepository } from '../notifications/acknowledgements.repository';
import type { AuditService } from '../platform/audit/audit.service';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { DomainError, Gone, NotFound } from '../platform/errors';
import type { AuthorityLanguage } from '../platform/i18n/language';
import type { EscalationService } from './escalation.service';
import type { RiskGrade } from './escalation-policy';
import { type DutyLine, type EpisodeNote, type LinkedEpisode, ProfileLinkRepository } from './profile-link.repository';
import {
  claimedEpisodeId,
  LINK_EXPIRED,
  LINK_NOT_VALID,
  type LinkClaims,
  looksLikeLink,
  type SignedLinks,
} from './signed-link';

export interface ProfileView {
  audience: string;
  expiresAt: Date;
  episode: {
    reference: string;
    kind: string;
    discoveredAt: Date;
    lastSeen: { at: Date | null; where: string | null; clothing: string | null };
    riskGrade: RiskGrade | null;
    highRiskFromStart: boolean;
    policeReference: string | null;
  };
  child: Record<string, unknown>;
  profile: Record<string, unknown> | null;
  /** When the photograph on file was uploaded; it is served only by the link's own photo route. */
  photoUploadedAt: Date | null;
  notes: EpisodeNote[];
  duty: DutyLine;
  /**
   * The alert steps this link was sent with that need acknowledging, and those still waiting; null when it carried
   * none.
   */
  acknowledgement: { steps: string[]; pending: string[] } | null;
}

/**
 * Why a link no longer opens: 'not_valid' (404), 'expired' or 'episode_closed' (410); the duty line when the link names
 * a real episode.
 */
export type RefusalDetails = {
  reason: 'not_valid' | 'expired' | 'episode_closed' | 'no_episode';
  authorityName?: string;
  dutyNumber?: string | null;
  authorityLanguage?: AuthorityLanguage;
};

export class MissingProfileLinkService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly links: SignedLinks,
    private readonly escalation: EscalationService,
    /** Times on the page are shown in this zone. */
    readonly timeZone: string,
    private readonly repo = new ProfileLinkRepository(),
    private readonly acks = new AcknowledgementsRepository(),
    private readonly photos = new MissingProfilePhotosRepository(),
  ) {}

  open(token: string, ip: string | null): Promise<ProfileView> {
    return this.withLink(token, ip, async (tx, e, claims) => {
      const [child, profile, photoUploadedAt, notes, duty, acknowledgement] = [
        await this.repo.child(tx, e.childId),
        await this.repo.profile(tx, e.childId),
        await this.photos.uploadedAt(tx, e.childId),
        await this.repo.notes(tx, e.id),
        await this.repo.dutyLine(tx, e.authorityId),
        await this.ackState(tx, claims),
      ];
      await this.audit.record(tx, null, {
        action: 'open_link',
        entityType: 'missing_profile',
        entityId: e.id,
        childId: e.childId,
        authorityId: e.authorityId,
        ip,
        changes: { audience: claims.audience },
      });
      return {
        audience: claims.audience,
        expiresAt: claims.expiresAt,
        episode: {
          reference: e.reference,
          kind: e.kind,
          discoveredAt: e.discoveredAt,
          riskGrade: e.riskGrade,
          highRiskFromStart: e.highRiskFromStart,
          lastSeen: { at: e.lastSeenAt, where: e.lastSeenWhere, clothing: e.lastSeenClothing },
          policeReference: e.policeReference,
        },
        child,
        profile,
        photoUploadedAt,
        notes,
        duty,
        acknowledgement,
      };
    });
  }

  /**
   * Acknowledges, as the contacts this link was sent to, the alerts it carried: their messages are
   * marked acknowledged and each step's repeats stop, as with an SMS "ACK <code>". Pressing again
   * changes nothing. Returns the steps acknowledged now. The token (40 characters, to fit one SMS)
   * names no recipient: links of one audience queued at the same instant are one link, so its holder
   * acknowledges for every message that carried it (e.g. the team's and the head of service's at a report).
   */
  acknowledge(token: string, ip: string | null): Promise<string[]> {
    return this.withLink(token, ip, async (tx, e, claims) => {
      const carried = (await this.acks.carryingLink(tx, claims, { lock: true })).filter((m) => !m.acknowledged);
      if (!carried.length) return [];
      const now = this.clock.now();
      const name = [...new Set(carried.map((m) => m.recipientName))].join(', ');
      await this.acks.markAcknowledged(
        tx,
        carried.map((m) => m.id),
        now,
        'acknowledged through the profile link',
      );
      const steps = [...new Set(carried.map((m) => m.step))];
      for (const step of steps)
        await this.escalation.acknowledge(
          tx,
          e.id,
          step,
          { userId: null, name: `${name} (through the profile link)` },
          acknowledgedLine({ names: name, through: 'profile_link' }, step),
        );
      await this.audit.record(tx, null, {
        action: 'acknowledge',
        entityType: 'missing_episode',
        entityId: e.id,
        childId: e.childId,
        authorityId: e.authorityId,
        ip,
        changes: { audience: claims.audience, steps, via: 'profile_link' },
      });
      return steps;
    });
  }

  /** The child's photograph for the link's page; audited like the opening. */
  photo(token: string, ip: string | null): Promise<StoredPhoto> {
    return this.withLink(token, ip, async (tx, e, claims) => {
      const photo = await this.photos.get(tx, e.childId);
      if (!photo) return new NotFound('This child has no photograph on file.');
      await this.audit.record(tx, null, {
        action: 'read',
        entityType: 'missing_profile_photo',
        entityId: e.childId,
        childId: e.childId,
        authorityId: e.authorityId,
        ip,
        changes: { audience: claims.audience },
      });
      return photo;
    });
  }

  private async ackState(tx: Tx, claims: LinkClaims): Promise<ProfileView['acknowledgement']> {
    const carried = await this.acks.carryingLink(tx, claims, { lock: false });
    if (!carried.length) return null;
    const steps = [...new Set(carried.map((m) => m.step))];
    const waiting = new Set(await this.acks.pendingSteps(tx, claims.episodeId));
    return { steps, pending: steps.filter((s) => waiting.has(s)) };
  }

  /**
   * Runs work for a genuine link to an open episode, in one transaction. A refusal is audited in that
   * transaction and thrown once it has committed; a domain error the work returns is thrown likewise.
   */
  private async withLink<T>(
    token: string,
    ip: string | null,
    work: (tx: Tx, e: LinkedEpisode, claims: LinkClaims) => Promise<T | DomainError>,
  ): Promise<T> {
    const claims = this.links.read(token);
    if (!claims) {
      await this.refuseForged(token, ip);
      throw new NotFound(LINK_NOT_VALID, { reason: 'not_valid' } satisfies RefusalDetails);
    }
    const outcome = await this.db.transaction(async (tx): Promise<T | DomainError> => {
      const e = await this.repo.episode(tx, claims.episodeId);
      const refusal = this.refusal(claims, e);
      if (!refusal) return work(tx, e!, claims);
      await this.audit.record(tx, null, {
        action: 'refused',
        entityType: 'missing_profile',
        entityId: e?.id ?? null,
        childId: e?.childId ?? null,
        authorityId: e?.authorityId ?? null,
        ip,
        changes: { reason: refusal.reason, audience: claims.audience },
      });
      const details: RefusalDetails = {
        reason: refusal.reason,
        ...(e && (await this.repo.dutyLine(tx, e.authorityId))),
      };
      return refusal.reason === 'no_episode'
        ? new NotFound(refusal.message, details)
        : new Gone(refusal.message, details);
    });
    if (outcome instanceof DomainError) throw outcome;
    return outcome;
  }

  /** Why a genuinely signed link no longer opens, or null while it does. */
  private refusal(
    claims: LinkClaims,
    e: LinkedEpisode | null,
  ): { reason: 'expired' | 'no_episode' | 'episode_closed'; message: string } | null {
    if (!e) return { reason: 'no_episode', message: LINK_NOT_VALID };
    if (claims.expiresAt <= this.clock.now()) return { reason: 'expired', message: LINK_EXPIRED };
    if (e.closedAt)
      return { reason: 'episode_closed', message: `This link stopped working when episode ${e.reference} closed.` };
    return null;
  }

  /**
   * An altered or forged link: a line with no authority (its claims cannot be trusted to name one),
   * the episode it claims and the address; never the token. A string without a link's shape is
   * refused without a line, so junk sent to /p/ cannot fill the trail.
   */
  private async refuseForged(token: string, ip: string | null): Promise<void> {
    if (!looksLikeLink(token)) return;
    await this.audit.record(null, null, {
      action: 'refused',
      entityType: 'missing_profile',
      ip,
      changes: { reason: 'bad_signature', claimedEpisodeId: claimedEpisodeId(token) },
    });
  }
}
