// Contacts, always inside one authority.
import type { Tx } from '../platform/database/transaction';
import { Contact, ContactRole } from './contact.entity';

export interface ContactFilter {
  role?: ContactRole;
  active?: boolean;
}

export class ContactsRepository {
  async findById(tx: Tx, authorityId: string, id: string): Promise<Contact | null> {
    return tx.findOne(Contact, { where: { id, authorityId } });
  }

  async list(tx: Tx, authorityId: string, filter: ContactFilter): Promise<Contact[]> {
    return tx.find(Contact, { where: { authorityId, ...filter }, order: { role: 'ASC', name: 'ASC' } });
  }

  async save(tx: Tx, contact: Partial<Contact>): Promise<Contact> {
    return tx.save(Contact, tx.create(Contact, contact));
  }
}
