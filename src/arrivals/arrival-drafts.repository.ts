// The arrival_drafts table: one unfinished arrival per user, its sections as the forms were filled
// in and the photograph already cleaned. Every query names the user and their authority.
import type { CleanPhoto, PhotoType } from '../missing-profiles/photo-image';
import type { Tx } from '../platform/database/transaction';

export type DraftSections = Record<string, Record<string, string | string[]>>;

export interface DraftRow {
  sections: DraftSections;
  photo: CleanPhoto | null;
  startedAt: Date;
  updatedAt: Date;
}

export class ArrivalDraftsRepository {
  async get(tx: Tx, authorityId: string, userId: string): Promise<DraftRow | null> {
    const [row] = await tx.query(
      `SELECT sections, photo, photo_content_type, started_at, updated_at FROM arrival_drafts
      WHERE user_id = $1 AND authority_id = $2`,
      [userId, authorityId],
    );
    if (!row) return null;
    const photo = row.photo
      ? { bytes: row.photo as Buffer, contentType: row.photo_content_type as PhotoType, width: 0, height: 0 }
      : null;
    return { sections: row.sections, photo, startedAt: row.started_at, updatedAt: row.updated_at };
  }

  /** Saves one section's values (replacing that section only), starting the draft if there is none. */
  async putSection(
    tx: Tx,
    key: { authorityId: string; userId: string },
    section: string,
    values: Record<string, string | string[]>,
    at: Date,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO arrival_drafts (user_id, authority_id, sections, started_at, updated_at)
      VALUES ($1, $2, jsonb_build_object($3::text, $4::jsonb), $5, $5)
      ON CONFLICT (user_id) DO UPDATE SET sections = arrival_drafts.sections || excluded.sections, updated_at = $5`,
      [key.userId, key.authorityId, section, JSON.stringify(values), at],
    );
  }

  async putPhoto(tx: Tx, key: { authorityId: string; userId: string }, photo: CleanPhoto, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO arrival_drafts (user_id, authority_id, photo, photo_content_type, started_at, updated_at)
      VALUES ($1, $2, $3, $4, $5, $5)
      ON CONFLICT (user_id) DO UPDATE SET photo = excluded.photo, photo_content_type = excluded.photo_content_type,
        updated_at = $5`,
      [key.userId, key.authorityId, photo.bytes, photo.contentType, at],
    );
  }

  async remove(tx: Tx, authorityId: string, userId: string): Promise<void> {
    await tx.query('DELETE FROM arrival_drafts WHERE user_id = $1 AND authority_id = $2', [userId, authorityId]);
  }

  /** Drafts untouched since before the cutoff: a child's details are not kept in a forgotten draft. */
  async removeStale(tx: Tx, before: Date): Promise<number> {
    const [, count] = await tx.query('DELETE FROM arrival_drafts WHERE updated_at < $1', [before]);
    return Number(count) || 0;
  }
}
