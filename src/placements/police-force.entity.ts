// A police force of England and Wales (the reference list of migrations/...-out-of-area-placements.ts),
// with the control room the service alerts when a child placed in its area goes missing.
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('police_forces')
export class PoliceForce {
  @PrimaryColumn('text') code!: string;
  @Column('text') name!: string;
  /** E.164. */
  @Column('text', { nullable: true }) controlRoomMobile!: string | null;
  @Column('text', { nullable: true }) controlRoomEmail!: string | null;
  /** The authority that last published the control room (Administration, Published contacts), and when. */
  @Column('uuid', { nullable: true }) publishedBy!: string | null;
  @Column('timestamptz', { nullable: true }) publishedAt!: Date | null;
}
