// The places of England and Wales as data (issue 23): the children's services authorities of
// England and the Welsh councils with their ONS codes and the police force of each, with the
// list's source and date (migrations/data/areas-2023.ts). A placement outside the service names
// its host by ONS code; the host's force is proposed from this table. An authority of the service
// may name its own ONS code and its area's force, whose control room it publishes for other
// authorities' alerts (the admin page "Published contacts"); who last published it is kept.
import { MigrationInterface, QueryRunner } from 'typeorm';

import { areas, areasAsOf, areasSource } from './data/areas-2023';

export class AreaAuthorities1732300001500 implements MigrationInterface {
  name = 'AreaAuthorities1732300001500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE reference_lists (
      name text PRIMARY KEY, source text NOT NULL, as_of date NOT NULL, row_count integer NOT NULL)`);
    await q.query(`CREATE TABLE area_authorities (
      code text PRIMARY KEY CHECK (code ~ '^(E06|E08|E09|E10|W06)[0-9]{6}$'),
      name text NOT NULL, welsh_name text,
      kind text NOT NULL CHECK (kind IN ('unitary','metropolitan_district','london_borough','county','welsh_council')),
      police_force_code text NOT NULL REFERENCES police_forces(code))`);
    await q.query(
      `INSERT INTO area_authorities (code, name, welsh_name, kind, police_force_code)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
      [
        areas.map((a) => a.code),
        areas.map((a) => a.name),
        areas.map((a) => a.welshName),
        areas.map((a) => a.kind),
        areas.map((a) => a.policeForceCode),
      ],
    );
    await q.query(
      `INSERT INTO reference_lists (name, source, as_of, row_count) VALUES
      ('area_authorities', $1, $2, $3), ('police_forces', 'Home Office list of police forces', $2, 44)`,
      [areasSource, areasAsOf, areas.length],
    );
    await q.query(`ALTER TABLE local_authorities
      ADD COLUMN ons_code text REFERENCES area_authorities(code),
      ADD COLUMN police_force_code text REFERENCES police_forces(code)`);
    await q.query(`ALTER TABLE police_forces
      ADD COLUMN published_by uuid REFERENCES local_authorities(id), ADD COLUMN published_at timestamptz`);
    await q.query(`ALTER TABLE placements ADD COLUMN host_area_code text REFERENCES area_authorities(code),
      ADD CONSTRAINT placements_area_is_outside CHECK (host_area_code IS NULL OR host_name IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE placements DROP COLUMN host_area_code');
    await q.query('ALTER TABLE police_forces DROP COLUMN published_by, DROP COLUMN published_at');
    await q.query('ALTER TABLE local_authorities DROP COLUMN ons_code, DROP COLUMN police_force_code');
    await q.query('DROP TABLE area_authorities');
    await q.query('DROP TABLE reference_lists');
  }
}
