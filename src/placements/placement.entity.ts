// Where a child lives, and who cares for them there. The address is confidential: it is never
// put in a text message. One current placement (no end) per child, enforced by a unique index.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const placementTypes = ['foster', 'residential', 'semi_independent', 'supported_lodgings'] as const;
export type PlacementType = (typeof placementTypes)[number];

@Entity('placements')
export class Placement {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') authorityId!: string;
  @Column('uuid') childId!: string;
  @Column('text') type!: PlacementType;
  @Column('text') provider!: string;
  @Column('text') address!: string;
  @Column('timestamptz') startedAt!: Date;
  @Column('timestamptz', { nullable: true }) endedAt!: Date | null;
  @Column('text', { nullable: true }) endReason!: string | null;
  @Column('timestamptz') createdAt!: Date;
  carers?: PlacementCarer[];
}

@Entity('placement_carers')
export class PlacementCarer {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') authorityId!: string;
  @Column('uuid') placementId!: string;
  @Column('text') name!: string;
  /** E.164; the number a carer texts from. */
  @Column('text') mobile!: string;
  @Column('text', { nullable: true }) email!: string | null;
}
