// Every TypeORM entity. A new domain adds its entities here.
import { LocalAuthority } from '../../authorities/local-authority.entity';
import { User } from '../../users/user.entity';
import { ApiToken } from '../../users/api-token.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Child } from '../../children/child.entity';
import { Placement, PlacementCarer } from '../../placements/placement.entity';
import { Notification, NotificationEvent } from '../../notifications/notification.entity';
import { InboundMessage } from '../../sms/inbound-message.entity';

export const entities = [LocalAuthority, User, ApiToken, AuditEvent, Child, Placement, PlacementCarer, Notification, NotificationEvent, InboundMessage];
