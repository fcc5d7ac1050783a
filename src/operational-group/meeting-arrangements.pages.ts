// A meeting's time, length and place (the API's PATCH of a meeting), for those who record meetings.
// Members get the updated invitation; a meeting already held or past cannot move (the service says so
// on the form).
import { contextOf } from '../platform/http/context';
import type { AppRoute } from '../platform/http/types';
import { dateTimeKeys, fieldsFor, requiredInstant } from '../platform/views/date-time-fields';
import { optionalText } from '../platform/views/form-fields';
import { formPage, type PageRequest } from '../platform/views/form-page';
import { whole } from './group-members.pages';
import type { GroupMeeting } from './operational-group.entity';

const group = (r: PageRequest) => r.server.app.services.operationalGroup;
const zone = (r: PageRequest) => r.server.app.config.displayTimeZone;
const meetingPath = (id: string) => `/operational-group/meetings/${id}`;

export const meetingArrangementsPages: AppRoute[] = [
  ...formPage({
    path: '/operational-group/meetings/{id}/arrangements',
    view: 'group-meeting-arrangements',
    action: 'group.write',
    description: "Change a meeting's time, length or place; members get the updated invitation",
    fields: {
      ...dateTimeKeys('starts', 'of the meeting'),
      durationMinutes: whole(600, 15, 'how long the meeting lasts in minutes'),
      location: optionalText(200, 'The place'),
    },
    fieldIds: { startsAt: 'startsDay' },
    context: async (request) => {
      const { meeting } = await group(request).getMeeting(contextOf(request), request.params.id);
      return { meeting, backLink: { href: meetingPath(meeting.id), text: 'Back to the meeting' } };
    },
    defaults: (request, context) => {
      const { meeting: m } = context as { meeting: GroupMeeting };
      return {
        ...fieldsFor(m.startsAt, zone(request), 'starts'),
        durationMinutes: String(m.durationMinutes),
        location: m.location ?? '',
      };
    },
    submit: async (request, v) => {
      await group(request).updateMeeting(contextOf(request), request.params.id, {
        startsAt: requiredInstant(v, 'starts', 'of the meeting', zone(request)),
        durationMinutes: Number(v.durationMinutes),
        location: v.location || null,
      });
      return meetingPath(request.params.id);
    },
  }),
];
