// Assembles a meeting's agenda pack: the window it covers, its sections, the email members receive
// (HTML and text from templates/email/operational-group-pack.*) and the calendar invitation.
import { AuthoritiesRepository } from '../authorities/authorities.repository';
import { RenderedEmail, renderEmail } from '../notifications/templates';
import type { Tx } from '../platform/database/transaction';
import { englandDate } from '../platform/dates';
import { calendarInvite } from './calendar-invite';
import { addDaysInEngland } from './meeting-schedule';
import type { GroupMeeting, OperationalGroup } from './operational-group.entity';
import type { MemberView, OperationalGroupRepository } from './operational-group.repository';
import { buildPack, Pack, packTemplateData } from './pack.presenter';
import { packSections } from './pack.repository';
import { roleLabel } from './role-label';

export interface PackSettings {
  publicBaseUrl: string;
  mailFrom: string;
  displayTimeZone: string;
  /**
   * GROUP_ORGANIZER_EMAIL: the invitation's organiser, who receives replies; null: the no-reply sender, and no replies
   * asked.
   */
  groupOrganizerEmail: string | null;
}

export const PACK_TEMPLATE = 'operational-group-pack';

export interface BuiltPack {
  pack: Pack;
  data: object;
  email: RenderedEmail;
  coversFrom: Date;
  coversTo: Date;
}

/** "Alerts <alerts@example.org>" -> name and address, for the invitation's organiser. */
export function parseMailbox(from: string): { name: string; email: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  return m ? { name: m[1] || m[2], email: m[2] } : { name: from.trim(), email: from.trim() };
}

export class PackBuilder {
  constructor(
    private readonly repo: OperationalGroupRepository,
    private readonly settings: PackSettings,
    private readonly authorities = new AuthoritiesRepository(),
  ) {}

  /** The pack as it stands at `now`: from where the previous meeting's pack ended, up to now. */
  async build(tx: Tx, group: OperationalGroup, meeting: GroupMeeting, now: Date): Promise<BuiltPack> {
    const previous = await this.repo.previousMeeting(tx, group.id, meeting.startsAt);
    const coversFrom =
      previous?.coversTo ?? previous?.startsAt ?? addDaysInEngland(meeting.startsAt, -group.cadenceDays);
    const authority = await this.authorities.findById(tx, group.authorityId);
    const today = englandDate(now);
    const listed =
      (previous?.pack as Pack | null)?.missingSinceLastMeeting.flatMap((c) => c.episodes.map((e) => e.episodeId)) ?? [];
    const sections = await packSections(tx, {
      authorityId: group.authorityId,
      from: coversFrom,
      to: now,
      meetingDate: englandDate(meeting.startsAt),
      today,
      alreadyListed: listed,
    });
    const pack = buildPack(sections, {
      meetingId: meeting.id,
      authorityName: authority?.name ?? '',
      groupName: group.name,
      startsAt: meeting.startsAt,
      endsAt: this.endOf(meeting),
      location: meeting.location,
      coversFrom,
      coversTo: now,
      today,
    });
    return { pack, coversFrom, coversTo: now, ...this.render(pack) };
  }

  /** The email for a pack record (a frozen one renders exactly as it was sent). */
  render(pack: Pack): { data: object; email: RenderedEmail } {
    const data = packTemplateData(pack, this.settings.displayTimeZone, this.settings.publicBaseUrl);
    return { data, email: renderEmail(PACK_TEMPLATE, data) };
  }

  /** The meeting's invitation as it stands (its time, place, SEQUENCE; a cancelled meeting's is a CANCEL). */
  invite(group: OperationalGroup, meeting: GroupMeeting, members: MemberView[], now: Date): string {
    const organiser = this.settings.groupOrganizerEmail;
    return calendarInvite({
      meetingId: meeting.id,
      domain: new URL(this.settings.publicBaseUrl).hostname,
      startsAt: meeting.startsAt,
      endsAt: this.endOf(meeting),
      stampedAt: now,
      summary: `${group.name} meeting`,
      location: meeting.location,
      sequence: meeting.sequence,
      cancelled: meeting.status === 'cancelled',
      description: `Operational group meeting. The agenda pack was sent by email; open the service for the records: ${this.settings.publicBaseUrl}`,
      organiser: organiser
        ? { name: `${group.name} coordinator`, email: organiser }
        : parseMailbox(this.settings.mailFrom),
      repliesWanted: organiser !== null,
      // Named by role: the invitation goes with the pack to a distribution list, and says who by address only.
      attendees: members.filter((m) => m.active && m.email).map((m) => ({ name: roleLabel(m.role), email: m.email! })),
    });
  }

  /** Every child the pack names, for the audit trail. */
  static childIds(pack: Pack): string[] {
    const all = [
      pack.missingSinceLastMeeting,
      pack.stillMissing,
      pack.repeatMissers,
      pack.newArrivalsAtRisk,
      pack.returnInterviewsOverdue,
      pack.plansDueForReview,
      pack.nrmDecisionsDue,
    ]
      .flat()
      .map((r) => r.childId);
    return [...new Set(all)];
  }

  private endOf(meeting: GroupMeeting): Date {
    return new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000);
  }
}
