// Every migration, in order. Listed explicitly so the same list works from TypeScript and from dist/.
import { Foundation1732300000000 } from './1732300000000-foundation';
import { Notifications1732300000001 } from './1732300000001-notifications';
import { NrmRgDueOn1732300000100 } from './1732300000100-nrm-rg-due-on';
import { NotificationDelivery1732300000200 } from './1732300000200-notification-delivery';
import { MissingEpisodes1732300000300 } from './1732300000300-missing-episodes';
import { InboundSms1732300000400 } from './1732300000400-inbound-sms';
import { OperationalGroup1732300000500 } from './1732300000500-operational-group';
import { FiguresIndexes1732300000600 } from './1732300000600-figures-indexes';
import { EscalationSchedule1732300000700 } from './1732300000700-escalation-schedule';
import { AuthRevocationNotify1732300000730 } from './1732300000730-auth-revocation-notify';
import { MessageTextAtSend1732300000800 } from './1732300000800-message-text-at-send';
import { OutboxJson1732300000810 } from './1732300000810-outbox-json';
import { EpisodePolicyByVersion1732300000820 } from './1732300000820-episode-policy-by-version';
import { OutboxAuthorityCheck1732300000830 } from './1732300000830-outbox-authority-check';
import { SmsConfirmations1732300000900 } from './1732300000900-sms-confirmations';
import { AuditShownChildren1732300000910 } from './1732300000910-audit-shown-children';
import { EpisodeMissingSince1732300000920 } from './1732300000920-episode-missing-since';
import { MeetingSequence1732300000950 } from './1732300000950-meeting-sequence';
import { EpisodesStayOpen1732300000960 } from './1732300000960-episodes-stay-open';
import { MissingProfilePhotos1732300000970 } from './1732300000970-missing-profile-photos';
import { UnreachedSteps1732300000980 } from './1732300000980-unreached-steps';
import { GuardianUsers1732300000990 } from './1732300000990-guardian-users';
import { OutOfAreaPlacements1732300001000 } from './1732300001000-out-of-area-placements';
import { BedChecks1732300001100 } from './1732300001100-bed-checks';
import { OutboxAuthorityKey1732300001200 } from './1732300001200-outbox-authority-key';
import { DropAuthRevocationNotify1732300001210 } from './1732300001210-drop-auth-revocation-notify';
import { VoiceCalls1732300001300 } from './1732300001300-voice-calls';
import { BedCheckExpiry1732300001350 } from './1732300001350-bed-check-expiry';
import { ArrivalDrafts1732300001450 } from './1732300001450-arrival-drafts';
import { AreaAuthorities1732300001500 } from './1732300001500-area-authorities';
import { HostRecipientRoles1732300001510 } from './1732300001510-host-recipient-roles';
import { RecordsRetention1732300001600 } from './1732300001600-records-retention';
import { Languages1732300001700 } from './1732300001700-languages';
import { NotificationLanguage1732300001860 } from './1732300001860-notification-language';
import { TimelineKeys1732300001900 } from './1732300001900-timeline-keys';
import { SmsOptOuts1732300001950 } from './1732300001950-sms-opt-outs';
import { OutboxLanesIndex1732300002000 } from './1732300002000-outbox-lanes-index';
import { RefusalCopiesIndex1732300002100 } from './1732300002100-refusal-copies-index';

export const migrations = [
  Foundation1732300000000,
  Notifications1732300000001,
  NrmRgDueOn1732300000100,
  NotificationDelivery1732300000200,
  MissingEpisodes1732300000300,
  InboundSms1732300000400,
  OperationalGroup1732300000500,
  FiguresIndexes1732300000600,
  EscalationSchedule1732300000700,
  AuthRevocationNotify1732300000730,
  MessageTextAtSend1732300000800,
  OutboxJson1732300000810,
  EpisodePolicyByVersion1732300000820,
  OutboxAuthorityCheck1732300000830,
  SmsConfirmations1732300000900,
  AuditShownChildren1732300000910,
  EpisodeMissingSince1732300000920,
  MeetingSequence1732300000950,
  EpisodesStayOpen1732300000960,
  MissingProfilePhotos1732300000970,
  UnreachedSteps1732300000980,
  GuardianUsers1732300000990,
  OutOfAreaPlacements1732300001000,
  BedChecks1732300001100,
  OutboxAuthorityKey1732300001200,
  DropAuthRevocationNotify1732300001210,
  VoiceCalls1732300001300,
  BedCheckExpiry1732300001350,
  ArrivalDrafts1732300001450,
  AreaAuthorities1732300001500,
  HostRecipientRoles1732300001510,
  RecordsRetention1732300001600,
  Languages1732300001700,
  NotificationLanguage1732300001860,
  TimelineKeys1732300001900,
  SmsOptOuts1732300001950,
  OutboxLanesIndex1732300002000,
  RefusalCopiesIndex1732300002100,
];
