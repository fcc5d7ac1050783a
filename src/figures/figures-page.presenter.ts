// What the figures page shows: the period form, four charts (each with its table) and every measure.
import { BarChart, barChart } from './bar-chart.presenter';
import { figureMeasures } from './figures.presenter';
import type { Figures } from './figures.service';

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });

export function figuresPage(f: Figures): { charts: BarChart[]; measures: { label: string; value: string }[] } {
  const c = f.episodes.childrenByEpisodes;
  const charts = [
    barChart(
      'episodes-by-month',
      'Missing episodes by month',
      'Episodes',
      f.episodes.byMonth.map((m) => ({
        label: monthName.format(new Date(`${m.month}-01T00:00:00Z`)),
        value: m.episodes,
      })),
      false,
    ),
    barChart('children-by-episodes', 'Children by number of missing episodes', 'Children', [
      { label: '1 episode', value: c.one },
      { label: '2 episodes', value: c.two },
      { label: '3 to 5', value: c.threeToFive },
      { label: '6 or more', value: c.sixOrMore },
    ]),
    barChart('return-interviews', 'Return interviews within 72 hours of return', 'Episodes', [
      { label: 'Returned', value: f.returnInterviews.returned },
      { label: 'Offered in 72h', value: f.returnInterviews.offeredWithin72h },
      { label: 'Held in 72h', value: f.returnInterviews.heldWithin72h },
    ]),
    barChart('alerts', 'Alerts about missing episodes', 'Alerts', [
      { label: 'Sent', value: f.alerts.total },
      { label: 'Delivered', value: f.alerts.delivered },
      { label: 'Acknowledged', value: f.alerts.acknowledged },
      { label: 'Failed', value: f.alerts.failed },
    ]),
  ];
  return {
    charts,
    measures: figureMeasures(f).map(([label, value]) => ({ label, value: value === null ? 'None' : String(value) })),
  };
}
