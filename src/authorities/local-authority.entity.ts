// A local authority: the tenant every record belongs to.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('local_authorities')
export class LocalAuthority {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') code!: string;
  @Column('text') name!: string;
  @Column('timestamptz') createdAt!: Date;
}
