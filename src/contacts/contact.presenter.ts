// The JSON shape of a contact.
import type { Contact } from './contact.entity';

export function presentContact(c: Contact) {
  return {
    id: c.id,
    name: c.name,
    organisation: c.organisation,
    role: c.role,
    mobile: c.mobile,
    email: c.email,
    voiceNumber: c.voiceNumber,
    active: c.active,
    language: c.language,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
