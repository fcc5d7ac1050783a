// Seed 09: Demo Borough's operational group. Members: the demo group member, the demo police user and
// the group's distribution list. A meeting three weeks ago (held: attendance, a review of H9PX, one
// action now overdue) and the next one three weeks ahead, whose pack is the next thing members get.
import { LocalAuthority } from '../src/authorities/local-authority.entity';
import { Child } from '../src/children/child.entity';
import { Contact } from '../src/contacts/contact.entity';
import { GroupAction, GroupAttendance, GroupReview } from '../src/operational-group/meeting-record.entity';
import { addDaysInEngland, londonOffsetMinutes } from '../src/operational-group/meeting-schedule';
import { GroupMeeting, GroupMember, OperationalGroup } from '../src/operational-group/operational-group.entity';
import type { Clock } from '../src/platform/clock';
import type { Tx } from '../src/platform/database/transaction';
import { addDays, englandDate } from '../src/platform/dates';
import type { Services } from '../src/services';
import { User } from '../src/users/user.entity';
import { demoAuthorities, demoEmail } from './demo-data';

const CADENCE_DAYS = 42;

/** 10:00 in England on the date `days` from now. */
function tenOClock(clock: Clock, days: number): Date {
  const date = addDays(englandDate(clock.now()), days);
  const utcTen = new Date(`${date}T10:00:00Z`);
  return new Date(utcTen.getTime() - londonOffsetMinutes(utcTen) * 60_000);
}

export async function seedDemoOperationalGroup(tx: Tx, clock: Clock, services: Services): Promise<void> {
  const demo = await tx.findOneByOrFail(LocalAuthority, { code: 'DEMO' });
  if (await tx.existsBy(OperationalGroup, { authorityId: demo.id })) return;
  const now = clock.now();
  const past = tenOClock(clock, -21);
  const group = await tx.save(OperationalGroup, {
    authorityId: demo.id,
    name: 'Demo Borough operational group',
    cadenceDays: CADENCE_DAYS,
    packDaysBefore: 7,
    firstMeetingAt: past,
    durationMinutes: 120,
    location: 'Civic Centre, committee room 2 (or join online)',
    createdAt: now,
    updatedAt: now,
  });
  const domain = demoAuthorities.find((a) => a.code === 'DEMO')!.domain;
  const groupMember = await tx.findOneByOrFail(User, { email: demoEmail('group.member', domain) });
  const police = await tx.findOneByOrFail(User, { email: demoEmail('police', domain) });
  const list = await tx.findOneByOrFail(Contact, { authorityId: demo.id, role: 'operational_group_list' });
  const member = (userId: string | null, contactId: string | null) =>
    tx.save(GroupMember, { authorityId: demo.id, groupId: group.id, userId, contactId, createdAt: now });
  const [gil, pat] = [await member(groupMember.id, null), await member(police.id, null)];
  await member(null, list.id);

  const meeting = await tx.save(GroupMeeting, {
    authorityId: demo.id,
    groupId: group.id,
    startsAt: past,
    durationMinutes: 120,
    location: group.location,
    status: 'scheduled',
    pack: null,
    packHtml: null,
    packSentAt: null,
    coversFrom: null,
    coversTo: null,
    minutes: null,
    createdAt: now,
    updatedAt: now,
  });
  // Its pack went out a week before it, as the job would have sent it.
  await services.operationalGroupCycle.freeze(tx, group, meeting, addDaysInEngland(past, -7));
  await tx.update(
    GroupMeeting,
    { id: meeting.id },
    {
      status: 'held',
      minutes:
        'Reviewed H9PX after arrival via Dover. Plan stays at high risk of going missing; police to check the phone arrangements.',
    },
  );
  await tx.insert(GroupAttendance, [
    {
      authorityId: demo.id,
      meetingId: meeting.id,
      memberId: gil.id,
      name: groupMember.name,
      organisation: "Demo Borough children's services",
      attendance: 'present',
    },
    {
      authorityId: demo.id,
      meetingId: meeting.id,
      memberId: pat.id,
      name: police.name,
      organisation: 'Demo Constabulary',
      attendance: 'present',
    },
    {
      authorityId: demo.id,
      meetingId: meeting.id,
      memberId: null,
      name: 'Border Force liaison officer',
      organisation: 'Border Force',
      attendance: 'apologies',
    },
  ]);
  const h9px = await tx.findOneByOrFail(Child, { authorityId: demo.id, reference: 'H9PX' });
  await tx.insert(GroupReview, {
    authorityId: demo.id,
    meetingId: meeting.id,
    childId: h9px.id,
    episodeIds: [],
    createdBy: groupMember.id,
    createdAt: past,
    indicatorsConsidered: ['no_adult_with_pr', 'contact_with_unknown_adults'],
    decision:
      'Trafficking indicators present: keep the plan at high risk of going missing and refer to the NRM if not already referred.',
    planChanges: 'Phone to be checked nightly; escort to college for four weeks.',
    debriefArranged: true,
    debriefWith: 'Guardian service and the police missing persons coordinator',
  });
  await tx.insert(GroupAction, {
    authorityId: demo.id,
    meetingId: meeting.id,
    childId: h9px.id,
    description: 'Check the phone arrangements for H9PX with the carer and update the missing profile photograph',
    ownerMemberId: pat.id,
    ownerName: police.name,
    ownerEmail: police.email,
    dueOn: addDays(englandDate(past), 14),
    // Already chased today, so a fresh start sends nothing until tomorrow's chaser.
    lastChasedOn: englandDate(now),
    createdAt: past,
  });
  await services.operationalGroupCycle.scheduleNext(tx, group, now);
}
