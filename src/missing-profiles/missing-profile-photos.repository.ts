// The missing_profile_photos table: one photograph per child, replaced by the next upload.
import type { Tx } from '../platform/database/transaction';
import type { CleanPhoto } from './photo-image';

export interface StoredPhoto {
  contentType: string;
  bytes: Buffer;
  uploadedAt: Date;
}

export class MissingProfilePhotosRepository {
  async put(
    tx: Tx,
    row: { childId: string; authorityId: string; photo: CleanPhoto; at: Date; by: string | null },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO missing_profile_photos (child_id, authority_id, content_type, bytes, width, height, uploaded_at, uploaded_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      ON CONFLICT (child_id) DO UPDATE SET content_type = excluded.content_type, bytes = excluded.bytes, width = excluded.width,
        height = excluded.height, uploaded_at = excluded.uploaded_at, uploaded_by = excluded.uploaded_by`,
      [
        row.childId,
        row.authorityId,
        row.photo.contentType,
        row.photo.bytes,
        row.photo.width,
        row.photo.height,
        row.at,
        row.by,
      ],
    );
  }

  /** The child's photograph; the caller has already proved the child is theirs (or the link's). */
  async get(tx: Tx, childId: string): Promise<StoredPhoto | null> {
    const [row] = await tx.query(
      'SELECT content_type, bytes, uploaded_at FROM missing_profile_photos WHERE child_id = $1',
      [childId],
    );
    return row ? { contentType: row.content_type, bytes: row.bytes, uploadedAt: row.uploaded_at } : null;
  }

  /** When the child's photograph was uploaded, or null when there is none (without reading its bytes). */
  async uploadedAt(tx: Tx, childId: string): Promise<Date | null> {
    const [row] = await tx.query('SELECT uploaded_at FROM missing_profile_photos WHERE child_id = $1', [childId]);
    return row?.uploaded_at ?? null;
  }
}
