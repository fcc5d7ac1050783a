// A child's recent photograph for the missing profile: one per child, replaced by a new upload.
// Kept in PostgreSQL (no second store) as the re-encoded bytes, metadata already stripped; shown only
// on pages (signed in, or through an episode's signed link), never in a message.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class MissingProfilePhotos1732300000970 implements MigrationInterface {
  name = 'MissingProfilePhotos1732300000970';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE missing_profile_photos (
      child_id uuid PRIMARY KEY REFERENCES children(id),
      authority_id uuid NOT NULL REFERENCES local_authorities(id),
      content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
      bytes bytea NOT NULL CHECK (octet_length(bytes) <= 5242880),
      width integer NOT NULL,
      height integer NOT NULL,
      uploaded_at timestamptz NOT NULL,
      uploaded_by uuid REFERENCES users(id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE missing_profile_photos');
  }
}
