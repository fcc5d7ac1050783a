// Where a child lives, and who cares for them there. The address is confidential: it is never
// put in a text message. One current placement (no end) per child, enforced by a unique index.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { Language } from '../platform/i18n/language';

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
  /** Out of area: the host authority where the child lives, when it is an authority of this service. */
  @Column('uuid', { nullable: true }) hostAuthorityId!: string | null;
  /** Out of area: a host authority outside this service, with its missing-children coordinator's contact. */
  @Column('text', { nullable: true }) hostName!: string | null;
  @Column('text', { nullable: true }) hostCoordinatorEmail!: string | null;
  @Column('text', { nullable: true }) hostCoordinatorPhone!: string | null;
  /** That outside host's ONS code when it is on the shipped list (area_authorities), which proposes its force. */
  @Column('text', { nullable: true }) hostAreaCode!: string | null;
  /** The police force where the child lives (police_forces.code). */
  @Column('text', { nullable: true }) policeForceCode!: string | null;
  @Column('timestamptz') createdAt!: Date;
  carers?: PlacementCarer[];
  /** Read with the placement for pages and the API: the host's and the force's names. */
  hostAuthorityName?: string | null;
  policeForceName?: string | null;
}

/** Placed outside the placing authority: a host is named and is not the placing authority itself. */
export function isOutOfArea(p: Pick<Placement, 'authorityId' | 'hostAuthorityId' | 'hostName'>): boolean {
  return !!p.hostName || (!!p.hostAuthorityId && p.hostAuthorityId !== p.authorityId);
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
  /** The language the carer chose, or texts in; null until known (the authority's setting decides). */
  @Column('text', { nullable: true }) language!: Language | null;
}
