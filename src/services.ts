// Wire once, inject everywhere: every service is built here from the edges (database, clock,
// providers, logger). Tests pass their own clock and providers; nothing else is faked.
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { Clock } from './platform/clock';
import type { Logger } from './platform/logger';
import { AuditService } from './platform/audit/audit.service';
import { AuthoritiesService } from './authorities/authorities.service';
import { ChildrenService } from './children/children.service';
import { HealthService } from './health/health.service';
import { NotificationOutbox } from './notifications/outbox';
import { SmsIntakeService } from './sms/sms-intake.service';
import { SmsQueueService } from './sms/sms-queue.service';
import { episodeCommandsPending } from './sms/episode-commands-pending';
import { PlacementsService } from './placements/placements.service';
import { TokensService } from './users/tokens.service';
import { UsersService } from './users/users.service';
import { ChildScope } from './children/child-scope';
import { GuardiansService } from './guardians/guardians.service';
import { SafeguardingPlansService } from './safeguarding/safeguarding-plans.service';
import { MissingProfilesService } from './missing-profiles/missing-profiles.service';
import { TraffickingAssessmentsService } from './trafficking/trafficking-assessments.service';
import { NrmReferralsService } from './nrm/nrm-referrals.service';
import { ContactsService } from './contacts/contacts.service';

export interface ServiceDeps {
  db: DataSource;
  clock: Clock;
  config: Config;
  logger: Logger;
}

export function createServices({ db, clock, config, logger }: ServiceDeps) {
  const audit = new AuditService(db, clock);
  const children = new ChildrenService(db, clock, audit);
  const placements = new PlacementsService(db, clock, audit, children);
  const childScope = new ChildScope(db, audit, children);
  return {
    audit,
    authorities: new AuthoritiesService(db, clock),
    users: new UsersService(db, clock, audit),
    tokens: new TokensService(db, clock, audit, {
      ttlHours: config.tokenTtlHours, lockoutAttempts: config.lockoutAttempts, lockoutMinutes: config.lockoutMinutes,
    }),
    children,
    placements,
    health: new HealthService(db),
    outbox: new NotificationOutbox(clock),
    smsIntake: new SmsIntakeService(db, clock, logger, placements.repo, episodeCommandsPending),
    smsQueue: new SmsQueueService(db, clock, audit),
    guardians: new GuardiansService(db, clock, audit, childScope),
    safeguardingPlans: new SafeguardingPlansService(db, clock, audit, childScope),
    missingProfiles: new MissingProfilesService(db, clock, audit, childScope),
    traffickingAssessments: new TraffickingAssessmentsService(clock, audit, childScope),
    nrmReferrals: new NrmReferralsService(db, clock, audit, childScope),
    contacts: new ContactsService(db, clock, audit),
  };
}

export type Services = ReturnType<typeof createServices>;
