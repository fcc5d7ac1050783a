// Every TypeORM entity. A new domain adds its entities here.
import { LocalAuthority } from '../../authorities/local-authority.entity';
import { User } from '../../users/user.entity';
import { ApiToken } from '../../users/api-token.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Child } from '../../children/child.entity';
import { Placement, PlacementCarer } from '../../placements/placement.entity';
import { Notification, NotificationEvent } from '../../notifications/notification.entity';
import { EpisodeEvent, MissingEpisode, RiskGradeChange } from '../../missing/missing-episode.entity';
import { EscalationPolicy } from '../../escalation/escalation-policy.entity';
import { EscalationRun } from '../../escalation/escalation-run.entity';

export const entities = [LocalAuthority, User, ApiToken, AuditEvent, Child, Placement, PlacementCarer, Notification, NotificationEvent,
  MissingEpisode, EpisodeEvent, RiskGradeChange, EscalationPolicy, EscalationRun];
