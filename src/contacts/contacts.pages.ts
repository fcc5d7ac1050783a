// Administration: the contacts the escalation ladder alerts (control rooms, CEOP, lists), added and changed.
import { contactRoleName } from '../admin/admin-words';
import { can } from '../platform/auth/permissions';
import { invalidFields, NotFound } from '../platform/errors';
import { contextOf } from '../platform/http/context';
import type { AppRoute } from '../platform/http/types';
import { translatorOf } from '../platform/i18n/language.plugin';
import { languageChoice, languageOf } from '../platform/i18n/language-field';
import { toE164 } from '../platform/phone';
import { choice, chosen, optionalEmail, optionalMobile, orNull, requiredText } from '../platform/views/form-fields';
import { formPage, type PageRequest } from '../platform/views/form-page';
import { contactRoles } from './contact.entity';
import type { ContactInput } from './contacts.service';

const roleItems = (request: PageRequest) =>
  contactRoles.map((r) => ({ value: r, text: contactRoleName(r, translatorOf(request)) }));

const fields = {
  name: requiredText(200, 'the contact’s name', 'Name'),
  organisation: requiredText(200, 'the organisation', 'Organisation'),
  role: choice(contactRoles, 'what the contact is for'),
  mobile: optionalMobile('a mobile number'),
  email: optionalEmail('an email address'),
  voiceNumber: optionalMobile('a phone number to call'),
  language: languageChoice,
};

function inputOf(v: Record<string, string>): ContactInput {
  if (!v.mobile && !v.email)
    throw invalidFields([
      { field: 'mobile', message: 'Enter a mobile number or an email address, so the contact can be reached' },
    ]);
  return {
    name: v.name,
    organisation: v.organisation,
    role: chosen(contactRoles, v.role),
    mobile: orNull(v.mobile && toE164(v.mobile)),
    email: orNull(v.email),
    voiceNumber: orNull(v.voiceNumber && toE164(v.voiceNumber)),
    language: languageOf(v.language),
  };
}

async function contactOf(request: PageRequest) {
  const contact = (await request.server.app.services.contacts.list(contextOf(request), {})).find(
    (c) => c.id === request.params.id,
  );
  if (!contact) throw new NotFound('No contact with that id was found.');
  return contact;
}

export const contactsPages: AppRoute[] = [
  {
    method: 'GET',
    path: '/admin/contacts',
    options: {
      auth: 'session',
      app: { action: 'contacts.read' },
      description: 'Contacts list',
      handler: async (request, h) => {
        const ctx = contextOf(request);
        const contacts = await request.server.app.services.contacts.list(ctx, {});
        const canEdit = can(ctx.actor.role, 'contacts.write');
        const tr = translatorOf(request);
        return h.view('admin-contacts', {
          backLink: { href: '/admin', text: 'Back to administration' },
          canEdit,
          rows: contacts.map((c) => ({
            name: c.name,
            organisation: c.organisation,
            role: contactRoleName(c.role, tr),
            reach: [c.mobile, c.email, c.voiceNumber && tr.t('admin.contacts.calls', { number: c.voiceNumber })]
              .filter(Boolean)
              .join(', '),
            active: tr.t(c.active ? 'admin.common.active' : 'admin.common.inactive'),
            editHref: canEdit ? `/admin/contacts/${c.id}/edit` : null,
          })),
        });
      },
    },
  },
  ...formPage({
    path: '/admin/contacts/new',
    view: 'admin-contact',
    action: 'contacts.write',
    description: 'Add a contact',
    fields,
    context: async (request) => ({
      heading: translatorOf(request).t('admin.contacts.add'),
      roleItems: roleItems(request),
      backLink: { href: '/admin/contacts', text: 'Back to contacts' },
    }),
    submit: async (request, v) => {
      await request.server.app.services.contacts.create(contextOf(request), inputOf(v));
      return '/admin/contacts';
    },
  }),
  ...formPage({
    path: '/admin/contacts/{id}/edit',
    view: 'admin-contact',
    action: 'contacts.write',
    description: 'Change a contact',
    fields,
    context: async (request) => {
      const contact = await contactOf(request);
      return {
        heading: translatorOf(request).t('admin.contacts.changeHeading', { name: contact.name }),
        roleItems: roleItems(request),
        backLink: { href: '/admin/contacts', text: 'Back to contacts' },
        contact,
      };
    },
    defaults: (_request, context) => {
      const c = (context as { contact: Record<string, string | null> }).contact;
      return {
        name: c.name ?? '',
        organisation: c.organisation ?? '',
        role: c.role ?? '',
        mobile: c.mobile ?? '',
        email: c.email ?? '',
        voiceNumber: c.voiceNumber ?? '',
        language: c.language ?? '',
      };
    },
    submit: async (request, v) => {
      await request.server.app.services.contacts.change(contextOf(request), request.params.id, inputOf(v));
      return '/admin/contacts';
    },
  }),
];
