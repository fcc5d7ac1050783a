// Part 1 of the Philomena Protocol: what police need to find a child, completed before the child
// ever goes missing. One per child. Social media holds usernames only, never passwords.
import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface ProfilePhone {
  number: string;
  handset: string | null;
}
export interface SocialMediaAccount {
  platform: string;
  username: string;
}
export interface Associate {
  name: string;
  relationship: string | null;
  phone: string | null;
}
export interface Place {
  description: string;
  risk: string | null;
}

@Entity('missing_profiles')
export class MissingProfile {
  @PrimaryColumn('uuid') childId!: string;
  @Column('uuid') authorityId!: string;
  @Column('text', { nullable: true }) physicalDescription!: string | null;
  @Column('text', { nullable: true }) distinguishingMarks!: string | null;
  @Column('date', { nullable: true }) photoTakenOn!: string | null;
  @Column('jsonb') phones!: ProfilePhone[];
  @Column('jsonb') socialMedia!: SocialMediaAccount[];
  @Column('text', { array: true }) languages!: string[];
  @Column('text', { nullable: true }) medicalNeeds!: string | null;
  @Column('text', { nullable: true }) medication!: string | null;
  @Column('jsonb') associates!: Associate[];
  @Column('jsonb') places!: Place[];
  @Column('text', { nullable: true }) travelCards!: string | null;
  @Column('text', { nullable: true }) missingHistory!: string | null;
  @Column('timestamptz') updatedAt!: Date;
  @Column('uuid', { nullable: true }) updatedBy!: string | null;
}
