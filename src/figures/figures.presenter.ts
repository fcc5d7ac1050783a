// The figures as a flat list of measures (one CSV row each), with the words a manager reads: the page's
// in its language, the CSV's in English (figures.measure.* in the catalogue).
import { toCsv } from '../platform/http/csv';
import type { Translator } from '../platform/i18n/catalogue';
import { englishTranslator } from '../platform/i18n/shipped';
import type { Figures } from './figures.service';

/** The measures in CSV and page order; each is named by figures.measure.<name>. */
export const measureNames = [
  'wentMissing',
  'episodes',
  'perChild',
  'mostForOneChild',
  'withOne',
  'withTwo',
  'withThreeToFive',
  'withSixOrMore',
  'repeatMissers',
  'ended',
  'stillOpen',
  'medianHours',
  'longestHours',
  'reportedToPolice',
  'medianToPolice',
  'longestToPolice',
  'withReturn',
  'offeredIn72h',
  'heldIn72h',
  'stillMissing',
  'neverFound',
  'alertsSent',
  'alertsDelivered',
  'alertsNeedingAck',
  'alertsAcknowledged',
  'alertsFailed',
] as const;

function valuesOf(f: Figures): Record<(typeof measureNames)[number], number | null> {
  const c = f.episodes.childrenByEpisodes;
  return {
    wentMissing: f.children.wentMissing,
    episodes: f.episodes.total,
    perChild: f.episodes.perChild,
    mostForOneChild: f.episodes.mostForOneChild,
    withOne: c.one,
    withTwo: c.two,
    withThreeToFive: c.threeToFive,
    withSixOrMore: c.sixOrMore,
    repeatMissers: f.children.repeatMissers,
    ended: f.durations.ended,
    stillOpen: f.durations.stillOpen,
    medianHours: f.durations.medianHours,
    longestHours: f.durations.longestHours,
    reportedToPolice: f.policeReport.reported,
    medianToPolice: f.policeReport.medianMinutes,
    longestToPolice: f.policeReport.longestMinutes,
    withReturn: f.returnInterviews.returned,
    offeredIn72h: f.returnInterviews.offeredWithin72h,
    heldIn72h: f.returnInterviews.heldWithin72h,
    stillMissing: f.children.stillMissing,
    neverFound: f.children.neverFound,
    alertsSent: f.alerts.total,
    alertsDelivered: f.alerts.delivered,
    alertsNeedingAck: f.alerts.needingAcknowledgement,
    alertsAcknowledged: f.alerts.acknowledged,
    alertsFailed: f.alerts.failed,
  };
}

export function figureMeasures(f: Figures, t: Translator = englishTranslator()): [string, string | number | null][] {
  const values = valuesOf(f);
  return measureNames.map((name) => [t.t(`figures.measure.${name}`), values[name]]);
}

export function figuresCsv(f: Figures): string {
  return toCsv(
    ['from', 'to', 'measure', 'value'],
    figureMeasures(f).map(([measure, value]) => [f.from, f.to, measure, value]),
    { quoteAll: true },
  );
}
