// Out-of-area placements (issue 23): a placement names the host authority where the child lives
// (an authority of this service, or one outside it with its missing-children coordinator's
// contact) and the police force there, chosen from the reference list below: the 43 territorial
// forces of England and Wales and British Transport Police (Home Office list of police forces,
// November 2026). A force's control-room contact is filled in by the service's operators.
// Authorities publish their coordinator as a contact with role 'missing_coordinator'.
import { MigrationInterface, QueryRunner } from 'typeorm';

const forces: [string, string][] = [
  ['avon-and-somerset', 'Avon and Somerset Constabulary'],
  ['bedfordshire', 'Bedfordshire Police'],
  ['cambridgeshire', 'Cambridgeshire Constabulary'],
  ['cheshire', 'Cheshire Constabulary'],
  ['city-of-london', 'City of London Police'],
  ['cleveland', 'Cleveland Police'],
  ['cumbria', 'Cumbria Constabulary'],
  ['derbyshire', 'Derbyshire Constabulary'],
  ['devon-and-cornwall', 'Devon and Cornwall Police'],
  ['dorset', 'Dorset Police'],
  ['durham', 'Durham Constabulary'],
  ['essex', 'Essex Police'],
  ['gloucestershire', 'Gloucestershire Constabulary'],
  ['greater-manchester', 'Greater Manchester Police'],
  ['hampshire', 'Hampshire and Isle of Wight Constabulary'],
  ['hertfordshire', 'Hertfordshire Constabulary'],
  ['humberside', 'Humberside Police'],
  ['kent', 'Kent Police'],
  ['lancashire', 'Lancashire Constabulary'],
  ['leicestershire', 'Leicestershire Police'],
  ['lincolnshire', 'Lincolnshire Police'],
  ['merseyside', 'Merseyside Police'],
  ['metropolitan', 'Metropolitan Police Service'],
  ['norfolk', 'Norfolk Constabulary'],
  ['northamptonshire', 'Northamptonshire Police'],
  ['northumbria', 'Northumbria Police'],
  ['north-yorkshire', 'North Yorkshire Police'],
  ['nottinghamshire', 'Nottinghamshire Police'],
  ['south-yorkshire', 'South Yorkshire Police'],
  ['staffordshire', 'Staffordshire Police'],
  ['suffolk', 'Suffolk Constabulary'],
  ['surrey', 'Surrey Police'],
  ['sussex', 'Sussex Police'],
  ['thames-valley', 'Thames Valley Police'],
  ['warwickshire', 'Warwickshire Police'],
  ['west-mercia', 'West Mercia Police'],
  ['west-midlands', 'West Midlands Police'],
  ['west-yorkshire', 'West Yorkshire Police'],
  ['wiltshire', 'Wiltshire Police'],
  ['dyfed-powys', 'Dyfed-Powys Police'],
  ['gwent', 'Gwent Police'],
  ['north-wales', 'North Wales Police'],
  ['south-wales', 'South Wales Police'],
  ['british-transport-police', 'British Transport Police'],
];

export class OutOfAreaPlacements1732300001000 implements MigrationInterface {
  name = 'OutOfAreaPlacements1732300001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE police_forces (
      code text PRIMARY KEY, name text NOT NULL UNIQUE, control_room_mobile text, control_room_email text)`);
    await q.query(`INSERT INTO police_forces (code, name) SELECT * FROM unnest($1::text[], $2::text[])`, [
      forces.map((f) => f[0]),
      forces.map((f) => f[1]),
    ]);
    await q.query(`ALTER TABLE placements
      ADD COLUMN host_authority_id uuid REFERENCES local_authorities(id),
      ADD COLUMN host_name text,
      ADD COLUMN host_coordinator_email text,
      ADD COLUMN host_coordinator_phone text,
      ADD COLUMN police_force_code text REFERENCES police_forces(code),
      ADD CONSTRAINT placements_one_host CHECK (host_authority_id IS NULL OR host_name IS NULL),
      ADD CONSTRAINT placements_outside_host_reachable CHECK (host_name IS NULL
        OR host_coordinator_email IS NOT NULL OR host_coordinator_phone IS NOT NULL)`);
    await q.query(
      'CREATE INDEX placements_host_authority ON placements (host_authority_id) WHERE host_authority_id IS NOT NULL',
    );
    await q.query(`ALTER TABLE contacts DROP CONSTRAINT contacts_role_check, ADD CONSTRAINT contacts_role_check CHECK (role IN
      ('police_control_room','missing_persons_unit','ceop','operational_group_list','duty_manager','head_of_service','director','iro',
       'missing_coordinator','other'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DELETE FROM contacts WHERE role = 'missing_coordinator'");
    await q.query(`ALTER TABLE contacts DROP CONSTRAINT contacts_role_check, ADD CONSTRAINT contacts_role_check CHECK (role IN
      ('police_control_room','missing_persons_unit','ceop','operational_group_list','duty_manager','head_of_service','director','iro','other'))`);
    await q.query(`ALTER TABLE placements DROP COLUMN host_authority_id, DROP COLUMN host_name, DROP COLUMN host_coordinator_email,
      DROP COLUMN host_coordinator_phone, DROP COLUMN police_force_code`);
    await q.query('DROP TABLE police_forces');
  }
}
