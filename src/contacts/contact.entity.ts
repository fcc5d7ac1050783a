// Someone the service alerts who need not be a user: a police control room, CEOP's duty desk,
// a distribution list. Each has a mobile (E.164), an email, or both, and perhaps a voice number to call.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { Language } from '../platform/i18n/language';

export const contactRoles = [
  'police_control_room',
  'missing_persons_unit',
  'ceop',
  'operational_group_list',
  'duty_manager',
  'head_of_service',
  'director',
  'iro',
  'missing_coordinator',
  'guardian_service',
  'other',
] as const;
export type ContactRole = (typeof contactRoles)[number];

export const contactRoleLabels: Record<ContactRole, string> = {
  police_control_room: 'Police control room',
  missing_persons_unit: 'Missing persons unit',
  ceop: 'CEOP (National Crime Agency)',
  operational_group_list: 'Operational group list',
  duty_manager: 'Duty manager',
  head_of_service: 'Head of service',
  director: 'Director',
  iro: 'Independent reviewing officer',
  missing_coordinator: 'Missing-children coordinator (told of children placed here by other authorities)',
  guardian_service: 'Independent Child Trafficking Guardian service (told of each port arrival)',
  other: 'Other',
};

@Entity('contacts')
export class Contact {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') authorityId!: string;
  @Column('text') name!: string;
  @Column('text') organisation!: string;
  @Column('text') role!: ContactRole;
  @Column('text', { nullable: true }) mobile!: string | null;
  @Column('text', { nullable: true }) email!: string | null;
  /** A number to call (E.164, landline or mobile): alerts needing acknowledgement may be phoned (issue 26). */
  @Column('text', { nullable: true }) voiceNumber!: string | null;
  /** The language this contact chose; null until asked (the authority's setting decides). */
  @Column('text', { nullable: true }) language!: Language | null;
  @Column('boolean') active!: boolean;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
