// What the figures page shows: the period form, four charts (each with its table) and every measure,
// in the page's language.
import type { Translator } from '../platform/i18n/catalogue';
import { BarChart, barChart } from './bar-chart.presenter';
import { figureMeasures } from './figures.presenter';
import type { Figures } from './figures.service';

const locales = { en: 'en-GB', cy: 'cy' } as const;

export function figuresPage(
  f: Figures,
  t: Translator,
): { charts: BarChart[]; measures: { label: string; value: string }[] } {
  const monthName = new Intl.DateTimeFormat(locales[t.lang], { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const c = f.episodes.childrenByEpisodes;
  const chart = (
    id: string,
    title: string,
    heading: string,
    data: { label: string; value: number }[],
    patterned = true,
  ) => barChart(id, t.t(title), t.t(heading), data, patterned, t);
  const charts = [
    chart(
      'episodes-by-month',
      'figures.chart.byMonth',
      'figures.chart.episodes',
      f.episodes.byMonth.map((m) => ({
        label: monthName.format(new Date(`${m.month}-01T00:00:00Z`)),
        value: m.episodes,
      })),
      false,
    ),
    chart('children-by-episodes', 'figures.chart.byEpisodes', 'figures.chart.children', [
      { label: t.t('figures.bar.oneEpisode'), value: c.one },
      { label: t.t('figures.bar.twoEpisodes'), value: c.two },
      { label: t.t('figures.bar.threeToFive'), value: c.threeToFive },
      { label: t.t('figures.bar.sixOrMore'), value: c.sixOrMore },
    ]),
    chart('return-interviews', 'figures.chart.returnInterviews', 'figures.chart.episodes', [
      { label: t.t('figures.bar.returned'), value: f.returnInterviews.returned },
      { label: t.t('figures.bar.offered'), value: f.returnInterviews.offeredWithin72h },
      { label: t.t('figures.bar.held'), value: f.returnInterviews.heldWithin72h },
    ]),
    chart('alerts', 'figures.chart.alerts', 'figures.chart.alertsHeading', [
      { label: t.t('figures.bar.sent'), value: f.alerts.total },
      { label: t.t('figures.bar.delivered'), value: f.alerts.delivered },
      { label: t.t('figures.bar.acknowledged'), value: f.alerts.acknowledged },
      { label: t.t('figures.bar.failed'), value: f.alerts.failed },
    ]),
  ];
  return {
    charts,
    measures: figureMeasures(f, t).map(([label, value]) => ({
      label,
      value: value === null ? t.t('figures.none') : String(value),
    })),
  };
}
