// What the signed profile link shows, read for one episode the link has already been checked
// against: the child's identifying details (never the placement address), the missing profile,
// sightings and carers' updates, and the authority's duty number to call back.
import type { TimelineText } from '../missing/timeline-text';
import type { Tx } from '../platform/database/transaction';
import type { AuthorityLanguage } from '../platform/i18n/language';
import type { RiskGrade } from './escalation-policy';
import type { LadderEpisode } from './ladder-episode';

/** What the link reads of its episode: enough to check the link against it and to show it, not the whole record. */
export interface LinkedEpisode {
  id: string;
  authorityId: string;
  childId: string;
  reference: string;
  kind: LadderEpisode['kind'];
  discoveredAt: Date;
  lastSeenAt: Date | null;
  lastSeenWhere: string | null;
  lastSeenClothing: string | null;
  riskGrade: RiskGrade | null;
  highRiskFromStart: boolean;
  policeReference: string | null;
  closedAt: Date | null;
}

export interface DutyLine {
  authorityName: string;
  dutyNumber: string | null;
  authorityLanguage: AuthorityLanguage;
}

export interface EpisodeNote {
  at: Date;
  type: 'sighting' | 'carer_update';
  summary: string;
  summaryKey: string | null;
  summaryParams: TimelineText['params'] | null;
  data: Record<string, unknown> | null;
}

export class ProfileLinkRepository {
  async episode(tx: Tx, id: string): Promise<LinkedEpisode | null> {
    const [row] = await tx.query(
      `SELECT id, authority_id AS "authorityId", child_id AS "childId", reference, kind, discovered_at AS "discoveredAt",
        last_seen_at AS "lastSeenAt", last_seen_where AS "lastSeenWhere", last_seen_clothing AS "lastSeenClothing",
        risk_grade AS "riskGrade", high_risk_from_start AS "highRiskFromStart", police_reference AS "policeReference",
        closed_at AS "closedAt"
      FROM missing_episodes WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  async child(tx: Tx, childId: string) {
    const [c] = await tx.query(
      `SELECT reference, first_names, last_name, aliases, date_of_birth::text AS date_of_birth, dob_estimated, sex,
      nationality, first_language FROM children WHERE id = $1`,
      [childId],
    );
    return {
      reference: c.reference as string,
      firstNames: c.first_names as string,
      lastName: c.last_name as string,
      aliases: c.aliases as string[],
      dateOfBirth: c.date_of_birth as string,
      dobEstimated: c.dob_estimated as boolean,
      sex: c.sex === 1 ? 'male' : 'female',
      nationality: c.nationality as string | null,
      firstLanguage: c.first_language as string | null,
    };
  }

  async profile(tx: Tx, childId: string) {
    const [p] = await tx.query(
      `SELECT physical_description, distinguishing_marks, photo_taken_on::text AS photo_taken_on, phones, social_media,
      languages, medical_needs, medication, associates, places, travel_cards FROM missing_profiles WHERE child_id = $1`,
      [childId],
    );
    return p
      ? ({
          description: p.physical_description,
          distinguishingMarks: p.distinguishing_marks,
          photoTakenOn: p.photo_taken_on,
          languages: p.languages,
          phones: p.phones,
          socialMedia: p.social_media,
          associates: p.associates,
          places: p.places,
          medicalNeeds: p.medical_needs,
          medication: p.medication,
          travelCards: p.travel_cards,
        } as Record<string, unknown>)
      : null;
  }

  /** Sightings and carers' updates, newest first. */
  async notes(tx: Tx, episodeId: string): Promise<EpisodeNote[]> {
    return tx.query(
      `SELECT at, type, summary, summary_key AS "summaryKey", summary_params AS "summaryParams", data
      FROM episode_events WHERE episode_id = $1 AND type IN ('sighting', 'carer_update')
      ORDER BY at DESC, id DESC LIMIT 50`,
      [episodeId],
    );
  }

  /**
   * The authority's duty manager line (the first active duty manager contact with a phone), the authority's name, and
   * its language setting (the language its link pages open in).
   */
  async dutyLine(tx: Tx, authorityId: string): Promise<DutyLine> {
    const [row] = await tx.query(
      `SELECT a.name, a.language, (SELECT c.mobile FROM contacts c WHERE c.authority_id = a.id AND c.role = 'duty_manager' AND c.active
      AND c.mobile IS NOT NULL ORDER BY c.created_at, c.id LIMIT 1) AS mobile FROM local_authorities a WHERE a.id = $1`,
      [authorityId],
    );
    return {
      authorityName: row?.name ?? '',
      dutyNumber: row?.mobile ?? null,
      authorityLanguage: row?.language ?? 'english_only',
    };
  }
}
