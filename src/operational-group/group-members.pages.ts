// The administrator's pages for the operational group (the API's PUT /operational-group and its
// members): set the group up or change it, add a member (a user or a contact of the authority, such as
// the distribution list) and remove one. Each form posts, then redirects (303); bad input re-renders
// with the GOV.UK error summary.
import { invalidFields, NotFound } from '../platform/errors';
import { contextOf } from '../platform/http/context';
import { Joi } from '../platform/http/joi';
import type { AppRoute } from '../platform/http/types';
import { translatorOf } from '../platform/i18n/language.plugin';
import { dateTimeKeys, toInstant, valuesOf } from '../platform/views/date-time-fields';
import { optionalText, requiredText } from '../platform/views/form-fields';
import { formPage, type PageRequest } from '../platform/views/form-page';
import { candidateItems, presentMembers } from './group-members.presenter';
import type { GroupView } from './operational-group.service';

const group = (r: PageRequest) => r.server.app.services.operationalGroup;
const zone = (r: PageRequest) => r.server.app.config.displayTimeZone;
const membersPath = '/operational-group/members';
const back = { href: '/operational-group', text: 'Back to the operational group' };

/** The group, or null before an administrator has set it up. */
async function groupOrNull(request: PageRequest): Promise<GroupView | null> {
  return group(request)
    .getGroup(contextOf(request))
    .catch((err) => {
      if (err instanceof NotFound) return null;
      throw err;
    });
}

export const whole = (max: number, min: number, what: string) =>
  Joi.number()
    .integer()
    .min(min)
    .max(max)
    .required()
    .messages({
      'any.required': `Enter ${what}`,
      'number.base': `Enter ${what} as a whole number`,
      'number.integer': `Enter ${what} as a whole number`,
      'number.min': `${what[0].toUpperCase()}${what.slice(1)} must be from ${min} to ${max}`,
      'number.max': `${what[0].toUpperCase()}${what.slice(1)} must be from ${min} to ${max}`,
    });

export const groupMembersPages: AppRoute[] = [
  ...formPage({
    path: membersPath,
    view: 'group-members',
    action: 'group.configure',
    description: "The operational group's members, with the form to add one",
    fields: {
      who: Joi.string()
        .pattern(/^(user|contact):[0-9a-f-]{36}$/)
        .required()
        .messages({
          'any.required': 'Select the person or list to add',
          'string.empty': 'Select the person or list to add',
          'string.pattern.base': 'Select the person or list to add',
        }),
    },
    context: async (request) => {
      const ctx = contextOf(request);
      const g = await groupOrNull(request);
      const [users, contacts] = [
        await request.server.app.services.users.list(ctx),
        await request.server.app.services.contacts.list(ctx, { active: true }),
      ];
      return {
        backLink: back,
        group: g && { name: g.group.name },
        members: g ? presentMembers(g.members, translatorOf(request)) : [],
        candidates: g ? candidateItems(g.members, users, contacts, translatorOf(request)) : [],
      };
    },
    submit: async (request, v) => {
      const [kind, id] = v.who.split(':');
      await group(request).addMember(contextOf(request), kind === 'user' ? { userId: id } : { contactId: id });
      return membersPath;
    },
  }),
  ...formPage({
    path: '/operational-group/members/{id}/remove',
    view: 'group-member-remove',
    action: 'group.configure',
    description: 'Remove a member of the operational group',
    fields: {
      confirm: Joi.string().valid('yes', 'no').required().messages({
        'any.required': 'Select yes if you want to remove this member',
        'any.only': 'Select yes if you want to remove this member',
      }),
    },
    context: async (request) => {
      const member = (await group(request).getGroup(contextOf(request))).members.find(
        (m) => m.id === request.params.id,
      );
      if (!member) throw new NotFound('No group member with that id was found.');
      return { backLink: { href: membersPath, text: 'Back to the members' }, member: { name: member.name } };
    },
    submit: async (request, v) => {
      if (v.confirm === 'yes') await group(request).removeMember(contextOf(request), request.params.id);
      return membersPath;
    },
  }),
  ...formPage({
    path: '/operational-group/settings',
    view: 'group-settings',
    action: 'group.configure',
    description: 'Set the operational group up, or change its name, cadence, meeting length and place',
    fields: {
      name: requiredText(200, 'the group’s name', 'The name'),
      cadenceDays: whole(365, 7, 'the days between meetings'),
      packDaysBefore: whole(28, 1, 'how many days before a meeting the pack goes'),
      durationMinutes: whole(600, 15, 'how long a meeting lasts in minutes'),
      location: optionalText(200, 'The place'),
      ...dateTimeKeys('first', 'of the first meeting', false),
    },
    fieldIds: { firstMeetingAt: 'firstDay' },
    context: async (request) => ({ backLink: back, current: (await groupOrNull(request))?.group ?? null }),
    defaults: (request, context) => {
      const { current: g } = context as { current: GroupView['group'] | null };
      return g
        ? {
            name: g.name,
            cadenceDays: String(g.cadenceDays),
            packDaysBefore: String(g.packDaysBefore),
            durationMinutes: String(g.durationMinutes),
            location: g.location ?? '',
          }
        : {
            name: translatorOf(request).t('nav.group'),
            cadenceDays: '42',
            packDaysBefore: '7',
            durationMinutes: '120',
            location: '',
          };
    },
    submit: async (request, v) => {
      const typed = valuesOf(v, 'first');
      const firstMeetingAt = typed.day || typed.month || typed.year ? toInstant(typed, zone(request)) : undefined;
      if (firstMeetingAt === null)
        throw invalidFields([{ field: 'firstDay', message: 'The date of the first meeting must be a real date' }]);
      await group(request)
        .configure(contextOf(request), {
          name: v.name,
          cadenceDays: Number(v.cadenceDays),
          packDaysBefore: Number(v.packDaysBefore),
          durationMinutes: Number(v.durationMinutes),
          location: v.location || null,
          ...(firstMeetingAt ? { firstMeetingAt } : {}),
        })
        .catch((err: Error) => {
          throw err.message.startsWith('Please correct the request: firstMeetingAt is required')
            ? invalidFields([{ field: 'firstDay', message: 'Enter the date and time of the first meeting' }])
            : err;
        });
      return '/operational-group';
    },
  }),
];
