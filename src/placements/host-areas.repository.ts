// The places an out-of-area placement names: the authorities of this service a child can be placed
// in, the police forces of England and Wales, and the host authority's missing-children coordinator.
import { LocalAuthority } from '../authorities/local-authority.entity';
import type { Tx } from '../platform/database/transaction';
import type { Placement } from './placement.entity';
import { PoliceForce } from './police-force.entity';

type HostOf = Pick<Placement, 'hostAuthorityId' | 'hostName' | 'hostCoordinatorEmail' | 'hostCoordinatorPhone'>;
export interface Area {
  code: string;
  name: string;
  policeForceCode: string;
}
export interface Coordinator {
  id: string | null;
  name: string;
  mobile: string | null;
  email: string | null;
}

export class HostAreasRepository {
  forces(tx: Tx): Promise<PoliceForce[]> {
    return tx.find(PoliceForce, { order: { name: 'ASC' } });
  }

  async forceExists(tx: Tx, code: string): Promise<boolean> {
    return tx.existsBy(PoliceForce, { code });
  }

  /** Every authority of the service, by name (only id, code and name: hosts are public bodies). */
  authorities(tx: Tx): Promise<Pick<LocalAuthority, 'id' | 'code' | 'name'>[]> {
    return tx.find(LocalAuthority, { select: { id: true, code: true, name: true }, order: { name: 'ASC' } });
  }

  /** An authority of the service and the force of its area: its own, or its ONS area's. */
  async serviceAuthority(tx: Tx, id: string): Promise<{ name: string; policeForceCode: string | null } | null> {
    const [row] = await tx.query(
      `SELECT a.name, coalesce(a.police_force_code, x.police_force_code) AS force FROM local_authorities a
      LEFT JOIN area_authorities x ON x.code = a.ons_code WHERE a.id = $1`,
      [id],
    );
    return row ? { name: row.name, policeForceCode: row.force } : null;
  }

  /** One authority of the shipped list of England and Wales, with the force of its area. */
  async area(tx: Tx, code: string): Promise<Area | null> {
    const [row] = await tx.query(
      `SELECT code, name, police_force_code AS "policeForceCode" FROM area_authorities WHERE code = $1`,
      [code.toUpperCase()],
    );
    return row ?? null;
  }

  /** The shipped list, by name, for the placement form and GET /api/v1/areas. */
  areas(tx: Tx): Promise<(Area & { kind: string; welshName: string | null })[]> {
    return tx.query(
      `SELECT code, name, welsh_name AS "welshName", kind, police_force_code AS "policeForceCode"
      FROM area_authorities ORDER BY name`,
    );
  }

  /** Where the shipped lists come from, and their date. */
  sources(tx: Tx): Promise<{ name: string; source: string; asOf: string; rowCount: number }[]> {
    return tx.query(
      `SELECT name, source, to_char(as_of, 'YYYY-MM-DD') AS "asOf", row_count AS "rowCount"
      FROM reference_lists ORDER BY name`,
    );
  }

  async authorityName(tx: Tx, id: string): Promise<string | null> {
    return (await tx.findOne(LocalAuthority, { select: { name: true }, where: { id } }))?.name ?? null;
  }

  /**
   * The host's coordinator: the contacts its authority publishes as such, or the one given for a host outside the
   * service.
   */
  async coordinatorsOf(tx: Tx, p: HostOf): Promise<Coordinator[]> {
    if (p.hostName) {
      return [
        {
          id: null,
          name: `${p.hostName} missing-children coordinator`,
          mobile: p.hostCoordinatorPhone,
          email: p.hostCoordinatorEmail,
        },
      ];
    }
    if (!p.hostAuthorityId) return [];
    return tx.query(
      `SELECT id, name, mobile, email FROM contacts
      WHERE authority_id = $1 AND role = 'missing_coordinator' AND active ORDER BY name`,
      [p.hostAuthorityId],
    );
  }

  /** The child's reference and the placing authority's name, for a notice (never the child's name). */
  async noticeFacts(tx: Tx, childId: string): Promise<{ childRef: string; placingAuthority: string }> {
    const [row] = await tx.query(
      `SELECT c.reference, a.name FROM children c
      JOIN local_authorities a ON a.id = c.authority_id WHERE c.id = $1`,
      [childId],
    );
    return { childRef: row.reference, placingAuthority: row.name };
  }
}
