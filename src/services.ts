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
import { PlacementsService } from './placements/placements.service';
import { TokensService } from './users/tokens.service';
import { UsersService } from './users/users.service';
import { EscalationPoliciesService } from './escalation/escalation-policies.service';
import { EscalationRunner } from './escalation/escalation-runner';
import { EscalationService } from './escalation/escalation.service';
import { MissingProfileLinkService } from './escalation/missing-profile-link.service';
import { SignedLinks } from './escalation/signed-link';
import { EpisodeEndingsService } from './missing/episode-endings.service';
import { EpisodeUpdatesService } from './missing/episode-updates.service';
import { MissingEpisodesService } from './missing/missing-episodes.service';
import { ReportMissingService } from './missing/report-missing.service';

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
  const outbox = new NotificationOutbox(clock);
  const signedLinks = new SignedLinks(config.sessionSecret, config.publicBaseUrl, config.signedLinkDays);
  const escalationPolicies = new EscalationPoliciesService(db, clock, audit);
  const escalation = new EscalationService(db, clock,
    new EscalationRunner(clock, outbox, signedLinks, { displayTimeZone: config.displayTimeZone }), logger.child({ module: 'escalation' }));
  const episodeEndings = new EpisodeEndingsService(db, clock, audit, placements.repo, escalation);
  placements.endedListeners.push(episodeEndings.onPlacementEnded);
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
    outbox,
    escalationPolicies,
    escalation,
    reportMissing: new ReportMissingService(db, clock, audit, children, placements.repo, escalationPolicies, escalation),
    missingEpisodes: new MissingEpisodesService(db, audit),
    episodeUpdates: new EpisodeUpdatesService(db, clock, audit, escalation),
    episodeEndings,
    profileLinks: new MissingProfileLinkService(db, clock, audit, signedLinks, config.displayTimeZone),
  };
}

export type Services = ReturnType<typeof createServices>;
