// Wire once, inject everywhere: every service is built here from the edges (database, clock,
// providers, logger). Tests pass their own clock and providers; nothing else is faked.
import type { DataSource } from 'typeorm';

import { ArrivalDraftsService } from './arrivals/arrival-drafts.service';
import { ArrivalNotices } from './arrivals/arrival-notices';
import { ArrivalsService } from './arrivals/arrivals.service';
import { AuthoritiesService } from './authorities/authorities.service';
import { AuthorityLanguageService } from './authorities/authority-language.service';
import { PublishedContactsService } from './authorities/published-contacts.service';
import { BedCheckReplies } from './bed-checks/bed-check-replies';
import { BedCheckRound } from './bed-checks/bed-check-round.service';
import { BedChecksService } from './bed-checks/bed-checks.service';
import { CareEndingsService } from './children/care-endings.service';
import { ChildPageService, type ChildPageSources } from './children/child-page.service';
import { ChildScope } from './children/child-scope';
import { ChildrenService } from './children/children.service';
import { RecordOwnersRepository } from './children/record-owners.repository';
import type { Config } from './config';
import { ContactsService } from './contacts/contacts.service';
import { CaredForChildren } from './dashboard/cared-for-children.service';
import { DashboardService, type DashboardSources } from './dashboard/dashboard.service';
import { EscalationService } from './escalation/escalation.service';
import { EscalationPoliciesService } from './escalation/escalation-policies.service';
import { EscalationRunner } from './escalation/escalation-runner';
import { MissingProfileLinkService } from './escalation/missing-profile-link.service';
import { SignedLinks } from './escalation/signed-link';
import { FiguresService } from './figures/figures.service';
import { GuardiansService } from './guardians/guardians.service';
import { HealthService } from './health/health.service';
import { EpisodeEndingsService } from './missing/episode-endings.service';
import { EpisodePageService } from './missing/episode-page.service';
import { EpisodeUpdatesService } from './missing/episode-updates.service';
import { MissingEpisodesService } from './missing/missing-episodes.service';
import { ReportMissingService } from './missing/report-missing.service';
import { UndoReturnService } from './missing/undo-return.service';
import { MissingProfilePhotosService } from './missing-profiles/missing-profile-photos.service';
import { MissingProfilesService } from './missing-profiles/missing-profiles.service';
import { DeliveryFailureService } from './notifications/delivery-failure.service';
import { Dispatcher } from './notifications/dispatcher';
import { NotificationsService } from './notifications/notifications.service';
import { NotificationOutbox } from './notifications/outbox';
import { ProviderStatusService } from './notifications/provider-status.service';
import type { EmailProvider } from './notifications/providers/email.provider';
import { createEmailProvider, createSmsProvider, createVoiceProvider } from './notifications/providers/providers';
import type { SmsProvider } from './notifications/providers/sms.provider';
import type { VoiceProvider } from './notifications/providers/voice.provider';
import { NrmReferralsService } from './nrm/nrm-referrals.service';
import { OperationalGroupRepository } from './operational-group/operational-group.repository';
import { OperationalGroupService } from './operational-group/operational-group.service';
import { OperationalGroupCycle } from './operational-group/operational-group-cycle.service';
import { PackBuilder } from './operational-group/pack-builder';
import { HostNotices } from './placements/host-notices';
import { PlacementCarersService } from './placements/placement-carers.service';
import { PlacementsService } from './placements/placements.service';
import { AuditService } from './platform/audit/audit.service';
import type { Clock } from './platform/clock';
import type { Logger } from './platform/logger';
import { LegalHoldsService } from './retention/legal-holds.service';
import { RetentionReviewService } from './retention/retention-review.service';
import { RetentionRulesService } from './retention/retention-rules.service';
import { Ssda903MissingService } from './returns/ssda903-missing.service';
import { SafeguardingPlansService } from './safeguarding/safeguarding-plans.service';
import { episodeSmsCommands } from './sms/episode-sms-commands';
import { SmsIntakeService } from './sms/sms-intake.service';
import { SmsNotices } from './sms/sms-notices';
import { SmsQueueService } from './sms/sms-queue.service';
import { CorrectionsService } from './subject-access/corrections.service';
import { SubjectAccessService } from './subject-access/subject-access.service';
import { TraffickingAssessmentsService } from './trafficking/trafficking-assessments.service';
import { TokensService } from './users/tokens.service';
import { UsersService } from './users/users.service';
import { VoiceCallsService } from './voice/voice-calls.service';

export interface ServiceDeps {
  db: DataSource;
  clock: Clock;
  config: Config;
  logger: Logger;
  /** Providers to use instead of the configured ones (tests). */
  sms?: SmsProvider;
  email?: EmailProvider;
  voice?: VoiceProvider;
}

export function createServices({ db, clock, config, logger, ...deps }: ServiceDeps) {
  const audit = new AuditService(db, clock);
  const outbox = new NotificationOutbox(clock);
  const sms = deps.sms ?? createSmsProvider(config);
  const email = deps.email ?? createEmailProvider(config);
  const voice = deps.voice ?? createVoiceProvider(config);
  const failures = new DeliveryFailureService(outbox, logger);
  const notifications = new NotificationsService(db, clock, audit);
  const tokens = new TokensService(db, clock, audit, {
    ttlHours: config.tokenTtlHours,
    recheckMs: config.tokenRecheckMs,
    lockoutAttempts: config.lockoutAttempts,
    lockoutMinutes: config.lockoutMinutes,
  });
  const children = new ChildrenService(db, clock, audit);
  const placements = new PlacementsService(db, clock, audit, children, new HostNotices(outbox, config.displayTimeZone));
  const childScope = new ChildScope(db, audit, children);
  const signedLinks = new SignedLinks(config.sessionSecret, config.publicBaseUrl, config.signedLinkDays);
  const escalationPolicies = new EscalationPoliciesService(db, clock, audit);
  const escalation = new EscalationService(
    db,
    clock,
    new EscalationRunner(clock, outbox, signedLinks, { displayTimeZone: config.displayTimeZone }),
    logger.child({ module: 'escalation' }),
  );
  const episodeEndings = new EpisodeEndingsService(db, clock, audit, placements.repo, escalation);
  const careEndings = new CareEndingsService(db, clock, audit, placements);
  // Ending a placement or care is noted on the episode the child is missing in; neither ends it.
  placements.endedListeners.push(episodeEndings.onPlacementEnded);
  careEndings.endedListeners.push(episodeEndings.onCareEnded);
  const reportMissing = new ReportMissingService(
    db,
    clock,
    audit,
    children,
    escalationPolicies,
    escalation,
    config.displayTimeZone,
  );
  const carerCommands = episodeSmsCommands({ clock, reportMissing, episodeEndings, escalation, notifications });
  const groupRepo = new OperationalGroupRepository();
  const packSettings = {
    publicBaseUrl: config.publicBaseUrl,
    mailFrom: config.mailFrom,
    displayTimeZone: config.displayTimeZone,
    groupOrganizerEmail: config.groupOrganizerEmail,
  };
  const packs = new PackBuilder(groupRepo, packSettings);
  const operationalGroupCycle = new OperationalGroupCycle(db, clock, audit, outbox, groupRepo, packs, packSettings);
  const retentionRules = new RetentionRulesService(db, clock, audit);
  const services = {
    audit,
    retentionRules,
    retentionReview: new RetentionReviewService(db, clock, audit, retentionRules),
    legalHolds: new LegalHoldsService(db, clock, audit, children),
    subjectAccess: new SubjectAccessService(db, clock, audit, children, config.displayTimeZone),
    corrections: new CorrectionsService(db, clock, audit, children),
    authorities: new AuthoritiesService(db, clock),
    users: new UsersService(db, clock, audit, tokens),
    tokens,
    children,
    placements,
    placementCarers: new PlacementCarersService(db, placements),
    careEndings,
    health: new HealthService(db),
    smsIntake: new SmsIntakeService(
      db,
      clock,
      logger,
      carerCommands,
      new SmsNotices(outbox, config.publicBaseUrl),
      config.displayTimeZone,
      new BedCheckReplies(clock, carerCommands, audit),
    ),
    smsQueue: new SmsQueueService(db, clock, audit),
    guardians: new GuardiansService(db, clock, audit, childScope),
    safeguardingPlans: new SafeguardingPlansService(db, clock, audit, childScope),
    missingProfiles: new MissingProfilesService(db, clock, audit, childScope),
    missingProfilePhotos: new MissingProfilePhotosService(clock, audit, childScope),
    traffickingAssessments: new TraffickingAssessmentsService(clock, audit, childScope),
    nrmReferrals: new NrmReferralsService(db, clock, audit, childScope),
    contacts: new ContactsService(db, clock, audit),
    publishedContacts: new PublishedContactsService(db, clock, audit),
    authorityLanguage: new AuthorityLanguageService(db, audit),
    outbox,
    providers: { sms, email, voice },
    notifications,
    providerStatus: new ProviderStatusService(db, clock, failures),
    dispatcher: new Dispatcher(
      {
        db,
        clock,
        sms,
        email,
        voice,
        failures,
        logger: logger.child({ job: 'dispatcher' }),
        dataAtSend: (n) => signedLinks.atSend(n),
      },
      {
        retry: { maxAttempts: config.dispatch.maxAttempts, baseDelayMs: config.dispatch.baseDelayMs },
        leaseMs: config.dispatch.leaseMs,
        pollMs: config.dispatch.pollMs,
        giveWayMs: config.dispatch.giveWayMs,
        publicBaseUrl: config.publicBaseUrl,
      },
    ),
    escalationPolicies,
    escalation,
    reportMissing,
    missingEpisodes: new MissingEpisodesService(db, audit, clock),
    episodeUpdates: new EpisodeUpdatesService(db, clock, audit, escalation, config.displayTimeZone),
    episodeEndings,
    undoReturn: new UndoReturnService(db, clock, audit, outbox, escalation),
    profileLinks: new MissingProfileLinkService(db, clock, audit, signedLinks, escalation, config.displayTimeZone),
    operationalGroup: new OperationalGroupService(db, clock, audit, children, groupRepo, packs, operationalGroupCycle),
    operationalGroupCycle,
    ssda903Missing: new Ssda903MissingService(db, audit),
    figures: new FiguresService(db, clock, audit),
    bedCheckRound: new BedCheckRound(db, clock, outbox, config.publicBaseUrl),
    bedChecks: new BedChecksService(db, clock),
    voiceCalls: new VoiceCallsService(db, clock, audit, failures, escalation, config.publicBaseUrl),
    // Whose record a refused request named (refusal-audit.plugin writes the refusal on that trail too).
    recordOwners: new RecordOwnersRepository(),
  };
  const arrivals = new ArrivalsService(db, clock, audit, services, new ArrivalNotices(outbox, config.displayTimeZone));
  const arrivalDrafts = new ArrivalDraftsService(db, clock, arrivals, config.displayTimeZone);
  return { ...services, arrivals, arrivalDrafts, ...pageServices(db, clock, services) };
}

/** What the pages need beyond the API's services; built from those same services. */
function pageServices(
  db: DataSource,
  clock: Clock,
  s: Omit<DashboardSources, 'caredFor' | 'acknowledgements'> &
    ChildPageSources & { audit: AuditService; escalation: EscalationService; episodeUpdates: EpisodeUpdatesService },
) {
  const caredFor = new CaredForChildren(db, s.audit, s.children, s.placements.repo);
  const episodePage = new EpisodePageService(
    s.missingEpisodes,
    s.notifications,
    s.children,
    s.escalation,
    clock,
    s.episodeUpdates,
  );
  return {
    clock,
    caredFor,
    dashboard: new DashboardService({ ...s, caredFor, acknowledgements: episodePage }, clock),
    episodePage,
    childPage: new ChildPageService(s),
  };
}

export type Services = ReturnType<typeof createServices>;
