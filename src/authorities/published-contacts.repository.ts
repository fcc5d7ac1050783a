// What an authority publishes for other authorities' alerts: its area (ONS code), the police force
// of its area with that force's control-room contact, and its missing-children coordinators
// (contacts with role missing_coordinator). Another authority placing a child here reads these.
import type { Tx } from '../platform/database/transaction';

export interface PublishedArea {
  onsCode: string | null;
  areaName: string | null;
  policeForceCode: string | null;
  policeForceName: string | null;
  controlRoomMobile: string | null;
  controlRoomEmail: string | null;
  publishedBy: string | null;
  publishedAt: Date | null;
}
export interface PublishedCoordinator {
  id: string;
  name: string;
  organisation: string;
  mobile: string | null;
  email: string | null;
  active: boolean;
}

export class PublishedContactsRepository {
  async area(tx: Tx, authorityId: string): Promise<PublishedArea> {
    const [row] = await tx.query(
      `SELECT a.ons_code AS "onsCode", x.name AS "areaName", f.code AS "policeForceCode", f.name AS "policeForceName",
        f.control_room_mobile AS "controlRoomMobile", f.control_room_email AS "controlRoomEmail",
        p.name AS "publishedBy", f.published_at AS "publishedAt"
      FROM local_authorities a LEFT JOIN area_authorities x ON x.code = a.ons_code
      LEFT JOIN police_forces f ON f.code = coalesce(a.police_force_code, x.police_force_code)
      LEFT JOIN local_authorities p ON p.id = f.published_by
      WHERE a.id = $1`,
      [authorityId],
    );
    return row;
  }

  coordinators(tx: Tx, authorityId: string): Promise<PublishedCoordinator[]> {
    return tx.query(
      `SELECT id, name, organisation, mobile, email, active FROM contacts
      WHERE authority_id = $1 AND role = 'missing_coordinator' ORDER BY active DESC, name`,
      [authorityId],
    );
  }

  /** Whether the code is on the shipped list, and its force. */
  async areaForce(tx: Tx, onsCode: string): Promise<string | null | undefined> {
    const [row] = await tx.query('SELECT police_force_code FROM area_authorities WHERE code = $1', [onsCode]);
    return row ? row.police_force_code : undefined;
  }

  async setArea(tx: Tx, authorityId: string, onsCode: string | null, forceCode: string | null): Promise<void> {
    await tx.query('UPDATE local_authorities SET ons_code = $2, police_force_code = $3 WHERE id = $1', [
      authorityId,
      onsCode,
      forceCode,
    ]);
  }

  /** Publishes the force's control room for every authority's alerts to that force. */
  async publishControlRoom(
    tx: Tx,
    authorityId: string,
    forceCode: string,
    reach: { mobile: string | null; email: string | null },
    at: Date,
  ): Promise<void> {
    await tx.query(
      `UPDATE police_forces SET control_room_mobile = $2, control_room_email = $3, published_by = $4, published_at = $5
      WHERE code = $1`,
      [forceCode, reach.mobile, reach.email, authorityId, at],
    );
  }
}
