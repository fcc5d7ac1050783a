// A local authority: the tenant every record belongs to.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('local_authorities')
export class LocalAuthority {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') code!: string;
  @Column('text') name!: string;
  /** The service's number carers of this authority text (E.164). */
  @Column('text', { nullable: true }) smsNumber!: string | null;
  @Column('timestamptz') createdAt!: Date;
}
