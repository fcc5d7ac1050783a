// Administration: what this authority publishes so that other authorities' alerts about children
// they place here reach the right people (issue 23): coordinators, the area and its force's control room.
import { can } from '../platform/auth/permissions';
import { contextOf } from '../platform/http/context';
import { Joi } from '../platform/http/joi';
import type { AppRoute } from '../platform/http/types';
import { toE164 } from '../platform/phone';
import { optionalEmail, optionalMobile, orNull } from '../platform/views/form-fields';
import { formPage } from '../platform/views/form-page';
import { presentPublished } from './published-contacts.presenter';
import type { Published } from './published-contacts.service';

const back = { href: '/admin/published-contacts', text: 'Back to published contacts' };

export const publishedContactsPages: AppRoute[] = [
  {
    method: 'GET',
    path: '/admin/published-contacts',
    options: {
      auth: 'session',
      app: { action: 'contacts.read' },
      description: 'What this authority publishes for other authorities’ alerts',
      handler: async (request, h) => {
        const ctx = contextOf(request);
        const published = await request.server.app.services.publishedContacts.get(ctx);
        return h.view('admin-published-contacts', {
          backLink: { href: '/admin', text: 'Back to administration' },
          canEdit: can(ctx.actor.role, 'contacts.write'),
          ...presentPublished(published),
        });
      },
    },
  },
  ...formPage({
    path: '/admin/published-contacts/edit',
    view: 'admin-published-contacts-edit',
    action: 'contacts.write',
    description: 'Change what this authority publishes',
    fields: {
      onsCode: Joi.string().trim().max(12).allow(''),
      policeForceCode: Joi.string().trim().max(40).allow(''),
      controlRoomMobile: optionalMobile('the control room’s mobile number'),
      controlRoomEmail: optionalEmail('the control room’s email address'),
    },
    context: async (request) => ({
      ...(await request.server.app.services.publishedContacts.get(contextOf(request))),
      backLink: back,
    }),
    defaults: (_request, context) => {
      const { area } = context as Published;
      return {
        onsCode: area.onsCode ?? '',
        policeForceCode: area.policeForceCode ?? '',
        controlRoomMobile: area.controlRoomMobile ?? '',
        controlRoomEmail: area.controlRoomEmail ?? '',
      };
    },
    submit: async (request, v) => {
      await request.server.app.services.publishedContacts.publish(contextOf(request), {
        onsCode: orNull(v.onsCode),
        policeForceCode: orNull(v.policeForceCode),
        controlRoomMobile: orNull(v.controlRoomMobile && toE164(v.controlRoomMobile)),
        controlRoomEmail: orNull(v.controlRoomEmail),
      });
      return '/admin/published-contacts';
    },
  }),
];
