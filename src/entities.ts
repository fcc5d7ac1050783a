// Every TypeORM entity, gathered from the domain folders in this one wiring place (platform/ knows none of them):
// a new domain adds its entities here, and whatever opens a DataSource passes this list.
import { LocalAuthority } from './authorities/local-authority.entity';
import { Child } from './children/child.entity';
import { Contact } from './contacts/contact.entity';
import { EscalationPolicy } from './escalation/escalation-policy.entity';
import { EscalationRun } from './escalation/escalation-run.entity';
import { Guardian } from './guardians/guardian.entity';
import { EpisodeEvent, MissingEpisode, RiskGradeChange } from './missing/missing-episode.entity';
import { MissingProfile } from './missing-profiles/missing-profile.entity';
import { Notification, NotificationEvent } from './notifications/notification.entity';
import { NrmReferral } from './nrm/nrm-referral.entity';
import { GroupAction, GroupAttendance, GroupReview } from './operational-group/meeting-record.entity';
import { GroupMeeting, GroupMember, OperationalGroup } from './operational-group/operational-group.entity';
import { Placement, PlacementCarer } from './placements/placement.entity';
import { PoliceForce } from './placements/police-force.entity';
import { AuditEvent } from './platform/audit/audit-event.entity';
import { SafeguardingPlan } from './safeguarding/safeguarding-plan.entity';
import { InboundMessage } from './sms/inbound-message.entity';
import { TraffickingAssessment } from './trafficking/trafficking-assessment.entity';
import { ApiToken } from './users/api-token.entity';
import { User } from './users/user.entity';

export const entities = [
  LocalAuthority,
  User,
  ApiToken,
  AuditEvent,
  Child,
  Placement,
  PlacementCarer,
  PoliceForce,
  Notification,
  NotificationEvent,
  InboundMessage,
  Guardian,
  SafeguardingPlan,
  MissingProfile,
  TraffickingAssessment,
  NrmReferral,
  Contact,
  MissingEpisode,
  EpisodeEvent,
  RiskGradeChange,
  EscalationPolicy,
  EscalationRun,
  OperationalGroup,
  GroupMember,
  GroupMeeting,
  GroupAttendance,
  GroupReview,
  GroupAction,
];
