// Tells the host authority's missing-children coordinator, through the outbox, that a child placed
// in their area by another authority has started or ended a placement there (Care Planning
// regulations): the child's reference, the placing authority and the area, never an address.
import type { NotificationOutbox, OutboxMessage } from '../notifications/outbox';
import type { Tx } from '../platform/database/transaction';
import { isoDate } from '../platform/wall-clock';
import { HostAreasRepository } from './host-areas.repository';
import { isOutOfArea, Placement } from './placement.entity';

export type HostNotice = 'start' | 'end';
const templates: Record<HostNotice, string> = { start: 'placement-host-start', end: 'placement-host-end' };

export class HostNotices {
  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly displayTimeZone: string,
    private readonly areas = new HostAreasRepository(),
  ) {}

  /** Queues the notice (SMS and email, each as the coordinator can be reached) when the placement is out of area. */
  async tell(tx: Tx, placement: Placement, notice: HostNotice, at: Date): Promise<number> {
    if (!isOutOfArea(placement)) return 0;
    const facts = await this.areas.noticeFacts(tx, placement.childId);
    const hostName = placement.hostName ?? (await this.areas.authorityName(tx, placement.hostAuthorityId!));
    const data = { ...facts, hostName, on: formatDay(at, this.displayTimeZone) };
    const messages: OutboxMessage[] = [];
    for (const c of await this.areas.coordinatorsOf(tx, placement)) {
      for (const [channel, address] of [
        ['sms', c.mobile],
        ['email', c.email],
      ] as const) {
        if (!address) continue;
        messages.push({
          authorityId: placement.authorityId,
          channel,
          template: templates[notice],
          data,
          recipient: { type: 'contact', id: c.id, name: c.name, address },
        });
      }
    }
    return (await this.outbox.enqueueMany(tx, messages)).filter(Boolean).length;
  }
}

function formatDay(at: Date, timeZone: string): string {
  const [y, m, d] = isoDate(at, timeZone).split('-');
  return `${d}/${m}/${y}`;
}
