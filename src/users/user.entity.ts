// A person who signs in. Each belongs to exactly one local authority and has one role.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { Role } from '../platform/auth/roles';
import type { Language } from '../platform/i18n/language';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') authorityId!: string;
  @Column('text') email!: string;
  @Column('text') name!: string;
  @Column('text') role!: Role;
  @Column('text', { nullable: true }) mobile!: string | null;
  /** A number to call (E.164) for alerts needing acknowledgement (issue 26). */
  @Column('text', { nullable: true }) voiceNumber!: string | null;
  /** The language this person chose; null until asked (the authority's setting decides). */
  @Column('text', { nullable: true }) language!: Language | null;
  @Column('text') passwordHash!: string;
  @Column('integer') failedAttempts!: number;
  @Column('timestamptz', { nullable: true }) lockedUntil!: Date | null;
  @Column('timestamptz', { nullable: true }) disabledAt!: Date | null;
  @Column('timestamptz') createdAt!: Date;
}
