// The authority's contacts: who the service alerts besides its users.
import { contextOf } from '../platform/http/context';
import { idParam } from '../platform/http/schemas';
import { type AppRoute, route } from '../platform/http/types';
import { presentContact } from './contact.presenter';
import type { ContactFilter } from './contacts.repository';
import { createContactSchema, listContactsQuery, updateContactSchema } from './contacts.schemas';
import type { ContactInput } from './contacts.service';

const tags = ['api', 'contacts'];

export const contactsRoutes: AppRoute[] = [
  route<{ Query: ContactFilter }>({
    method: 'GET',
    path: '/api/v1/contacts',
    options: {
      tags,
      description: "The authority's contacts (police control room, CEOP, distribution lists, ...)",
      app: { action: 'contacts.read' },
      validate: { query: listContactsQuery },
      handler: async (request) =>
        (await request.server.app.services.contacts.list(contextOf(request), request.query)).map(presentContact),
    },
  }),
  route<{ Payload: ContactInput }>({
    method: 'POST',
    path: '/api/v1/contacts',
    options: {
      tags,
      description: 'Add a contact (a mobile, an email, or both)',
      app: { action: 'contacts.write' },
      validate: { payload: createContactSchema },
      handler: async (request, h) =>
        h
          .response(
            presentContact(await request.server.app.services.contacts.create(contextOf(request), request.payload)),
          )
          .code(201),
    },
  }),
  route<{ Payload: Partial<ContactInput> }>({
    method: 'PATCH',
    path: '/api/v1/contacts/{id}',
    options: {
      tags,
      description: 'Change or deactivate a contact',
      app: { action: 'contacts.write' },
      validate: { params: idParam, payload: updateContactSchema },
      handler: async (request) =>
        presentContact(
          await request.server.app.services.contacts.change(contextOf(request), request.params.id, request.payload),
        ),
    },
  }),
];
