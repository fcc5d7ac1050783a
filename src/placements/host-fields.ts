// Turns a request's out-of-area fields into the placement's columns: a host authority of this
// service (by id) or one outside it (name and coordinator's contact), and the police force.
// The placing authority named as its own host is no host: the placement is in area.
import type { Tx } from '../platform/database/transaction';
import { Invalid } from '../platform/errors';
import { HostAreasRepository } from './host-areas.repository';
import type { Placement } from './placement.entity';

export interface OutsideHost {
  name: string;
  coordinatorEmail?: string | null;
  coordinatorPhone?: string | null;
}
export interface HostInput {
  hostAuthorityId?: string | null;
  hostAuthority?: OutsideHost | null;
  policeForceCode?: string | null;
}
type HostColumns = Partial<
  Pick<Placement, 'hostAuthorityId' | 'hostName' | 'hostCoordinatorEmail' | 'hostCoordinatorPhone' | 'policeForceCode'>
>;

const noHost = { hostAuthorityId: null, hostName: null, hostCoordinatorEmail: null, hostCoordinatorPhone: null };
const areas = new HostAreasRepository();

/** Only the columns the input names (a PATCH leaves the others as they are). */
export async function hostFields(tx: Tx, placingAuthorityId: string, input: HostInput): Promise<HostColumns> {
  const columns: HostColumns = {};
  if (input.hostAuthorityId !== undefined) {
    const id = input.hostAuthorityId;
    if (id && !(await areas.authorityName(tx, id))) {
      throw new Invalid(
        'hostAuthorityId is not an authority of this service: give hostAuthority with its name and coordinator instead.',
      );
    }
    Object.assign(columns, noHost, { hostAuthorityId: id === placingAuthorityId ? null : id });
  }
  if (input.hostAuthority !== undefined) {
    const h = input.hostAuthority;
    if (h && !h.coordinatorEmail && !h.coordinatorPhone) {
      throw new Invalid("hostAuthority needs its missing-children coordinator's email or phone.");
    }
    Object.assign(
      columns,
      noHost,
      h && {
        hostName: h.name,
        hostCoordinatorEmail: h.coordinatorEmail ?? null,
        hostCoordinatorPhone: h.coordinatorPhone ?? null,
      },
    );
  }
  if (input.policeForceCode !== undefined) {
    const code = input.policeForceCode;
    if (code && !(await areas.forceExists(tx, code))) {
      throw new Invalid('policeForceCode must be the code of a police force from the list.');
    }
    columns.policeForceCode = code;
  }
  return columns;
}

/** Whether two versions of a placement name the same host (so nobody need be told of a change). */
export function sameHost(a: Placement, b: Placement): boolean {
  return (
    a.hostAuthorityId === b.hostAuthorityId &&
    a.hostName === b.hostName &&
    a.hostCoordinatorEmail === b.hostCoordinatorEmail &&
    a.hostCoordinatorPhone === b.hostCoordinatorPhone
  );
}
