// One line of the append-only audit trail; the database refuses UPDATE, DELETE and TRUNCATE.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_events')
export class AuditEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('timestamptz') at!: Date;
  @Column('uuid', { nullable: true }) authorityId!: string | null;
  @Column('uuid', { nullable: true }) actorUserId!: string | null;
  @Column('text', { nullable: true }) actorRole!: string | null;
  @Column('text') action!: string;
  @Column('text') entityType!: string;
  @Column('text', { nullable: true }) entityId!: string | null;
  @Column('uuid', { nullable: true }) childId!: string | null;
  @Column('text', { nullable: true }) ip!: string | null;
  @Column('jsonb', { nullable: true }) changes!: Record<string, unknown> | null;
}
