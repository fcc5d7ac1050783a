// Turns a request's out-of-area fields into the placement's columns: a host authority of this
// service (by id) or one outside it (by ONS code from the shipped list, or by name, with its
// coordinator's contact), and the police force. Where the request names a host but no force, the
// force is proposed from the host's area (area_authorities); a force given always wins, so the
// proposal is correctable. The placing authority named as its own host is no host: in area.
import type { Tx } from '../platform/database/transaction';
import { Invalid } from '../platform/errors';
import { HostAreasRepository } from './host-areas.repository';
import type { Placement } from './placement.entity';

export interface OutsideHost {
  code?: string | null;
  name?: string | null;
  coordinatorEmail?: string | null;
  coordinatorPhone?: string | null;
}
export interface HostInput {
  hostAuthorityId?: string | null;
  hostAuthority?: OutsideHost | null;
  policeForceCode?: string | null;
}
type HostColumns = Partial<
  Pick<
    Placement,
    | 'hostAuthorityId'
    | 'hostName'
    | 'hostAreaCode'
    | 'hostCoordinatorEmail'
    | 'hostCoordinatorPhone'
    | 'policeForceCode'
  >
>;

const noHost = {
  hostAuthorityId: null,
  hostName: null,
  hostAreaCode: null,
  hostCoordinatorEmail: null,
  hostCoordinatorPhone: null,
};
const areas = new HostAreasRepository();

/** Only the columns the input names (a PATCH leaves the others as they are). */
export async function hostFields(tx: Tx, placingAuthorityId: string, input: HostInput): Promise<HostColumns> {
  const columns: HostColumns = {};
  let proposed: string | null = null;
  if (input.hostAuthorityId !== undefined) {
    const id = input.hostAuthorityId;
    const host = id ? await areas.serviceAuthority(tx, id) : null;
    if (id && !host) {
      throw new Invalid(
        'hostAuthorityId is not an authority of this service: give hostAuthority with its ONS code or name instead.',
      );
    }
    Object.assign(columns, noHost, { hostAuthorityId: id === placingAuthorityId ? null : id });
    if (id !== placingAuthorityId) proposed = host?.policeForceCode ?? null;
  }
  if (input.hostAuthority !== undefined) {
    const h = input.hostAuthority;
    if (h && !h.coordinatorEmail && !h.coordinatorPhone) {
      throw new Invalid("hostAuthority needs its missing-children coordinator's email or phone.");
    }
    const area = h?.code ? await areas.area(tx, h.code) : null;
    if (h?.code && !area) throw new Invalid('hostAuthority.code is not an ONS code on the list of authorities.');
    if (h && !h.name && !area) throw new Invalid('hostAuthority needs its ONS code or its name.');
    Object.assign(
      columns,
      noHost,
      h && {
        hostName: area?.name ?? h.name,
        hostAreaCode: area?.code ?? null,
        hostCoordinatorEmail: h.coordinatorEmail ?? null,
        hostCoordinatorPhone: h.coordinatorPhone ?? null,
      },
    );
    proposed = area?.policeForceCode ?? null;
  }
  if (input.policeForceCode !== undefined) {
    const code = input.policeForceCode;
    if (code && !(await areas.forceExists(tx, code))) {
      throw new Invalid('policeForceCode must be the code of a police force from the list.');
    }
    columns.policeForceCode = code;
  } else if (proposed) {
    columns.policeForceCode = proposed;
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
