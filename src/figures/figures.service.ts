// Management figures for one authority and period: who went missing, for how long, how fast the
// police were told, whether return interviews happened in time, and how the alerts fared.
import type { DataSource } from 'typeorm';

import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import { today } from '../platform/dates';
import { invalidFields } from '../platform/errors';
import { RETURN_TIME_ZONE } from '../returns/ssda903-missing.repository';
import { Row, runFigureQueries } from './figures.repository';

export interface FiguresPeriod {
  from?: string;
  to?: string;
}

const num = (v: number | string | null | undefined) =>
  v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10;
const int = (v: number | string | null | undefined) => Number(v ?? 0);

/** The collection year (1 April - 31 March) that contains a date. */
function yearStart(date: string): string {
  const year = Number(date.slice(0, 4)) - (date.slice(5) < '04-01' ? 1 : 0);
  return `${year}-04-01`;
}

export class FiguresService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** Without dates: the collection year so far. */
  async figures(ctx: RequestContext, period: FiguresPeriod) {
    const to = period.to ?? today(this.clock);
    const from = period.from ?? yearStart(to);
    if (from > to) throw invalidFields([{ field: 'from', message: 'from must be on or before to' }]);
    const { asAt, results: r } = await this.db.transaction('REPEATABLE READ', async (tx) => {
      await this.audit.record(tx, ctx, { action: 'read', entityType: 'figures', changes: { from, to } });
      return runFigureQueries(tx, ctx.actor.authorityId, from, to, RETURN_TIME_ZONE, this.clock.now());
    });
    const [e]: Row[] = r.episodes;
    const [p] = r.perChild;
    const [s] = r.stillMissing;
    const [a] = r.alerts;
    return {
      from,
      to,
      asAt,
      children: {
        wentMissing: int(e.children),
        repeatMissers: int(r.repeat[0].repeat_missers),
        stillMissing: int(s.still_missing),
        neverFound: int(s.never_found),
      },
      episodes: {
        total: int(e.episodes),
        perChild: int(e.children) ? num(int(e.episodes) / int(e.children)) : null,
        mostForOneChild: int(p.most),
        childrenByEpisodes: {
          one: int(p.one),
          two: int(p.two),
          threeToFive: int(p.three_to_five),
          sixOrMore: int(p.six_or_more),
        },
        byMonth: r.byMonth.map((m) => ({ month: String(m.month), episodes: int(m.episodes) })),
      },
      durations: {
        ended: int(e.ended),
        stillOpen: int(e.episodes) - int(e.ended),
        medianHours: num(e.median_hours),
        longestHours: num(e.longest_hours),
      },
      policeReport: {
        reported: int(e.reported_to_police),
        medianMinutes: num(e.median_police_minutes),
        longestMinutes: num(e.longest_police_minutes),
      },
      returnInterviews: {
        returned: int(e.returned),
        offeredWithin72h: int(e.offered_72h),
        heldWithin72h: int(e.held_72h),
      },
      alerts: {
        total: int(a.total),
        delivered: int(a.delivered),
        needingAcknowledgement: int(a.needing_ack),
        acknowledged: int(a.acknowledged),
        failed: int(a.failed),
      },
    };
  }
}

export type Figures = Awaited<ReturnType<FiguresService['figures']>>;
