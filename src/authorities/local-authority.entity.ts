// A local authority: the tenant every record belongs to.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { AuthorityLanguage } from '../platform/i18n/language';

@Entity('local_authorities')
export class LocalAuthority {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') code!: string;
  @Column('text') name!: string;
  /** The service's number carers of this authority text (E.164). */
  @Column('text', { nullable: true }) smsNumber!: string | null;
  /** Its ONS code on the shipped list (area_authorities), which gives the force of its area. */
  @Column('text', { nullable: true }) onsCode!: string | null;
  /** The force of its area where it differs from the list's (or the authority is not on it). */
  @Column('text', { nullable: true }) policeForceCode!: string | null;
  /** Which language comes first, or English only (Welsh Language Standards). */
  @Column('text') language!: AuthorityLanguage;
  @Column('timestamptz') createdAt!: Date;
}
