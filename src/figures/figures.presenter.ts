// The figures as a flat list of measures (one CSV row each), with the words a manager reads.
import { toCsv } from '../platform/http/csv';
import type { Figures } from './figures.service';

export function figureMeasures(f: Figures): [string, string | number | null][] {
  return [
    ['Children who went missing', f.children.wentMissing],
    ['Missing episodes', f.episodes.total],
    ['Episodes per child (mean)', f.episodes.perChild],
    ['Most episodes for one child', f.episodes.mostForOneChild],
    ['Children with 1 episode', f.episodes.childrenByEpisodes.one],
    ['Children with 2 episodes', f.episodes.childrenByEpisodes.two],
    ['Children with 3 to 5 episodes', f.episodes.childrenByEpisodes.threeToFive],
    ['Children with 6 or more episodes', f.episodes.childrenByEpisodes.sixOrMore],
    ['Repeat missers (3 or more episodes within 30 days)', f.children.repeatMissers],
    ['Episodes ended', f.durations.ended],
    ['Episodes still open', f.durations.stillOpen],
    ['Median duration (hours)', f.durations.medianHours],
    ['Longest duration (hours)', f.durations.longestHours],
    ['Episodes reported to police', f.policeReport.reported],
    ['Median time from discovery to police report (minutes)', f.policeReport.medianMinutes],
    ['Longest time from discovery to police report (minutes)', f.policeReport.longestMinutes],
    ['Episodes with a return', f.returnInterviews.returned],
    ['Return interviews offered within 72 hours', f.returnInterviews.offeredWithin72h],
    ['Return interviews held within 72 hours', f.returnInterviews.heldWithin72h],
    ['Children still missing', f.children.stillMissing],
    ['Children never found', f.children.neverFound],
    ['Alerts sent', f.alerts.total],
    ['Alerts delivered', f.alerts.delivered],
    ['Alerts needing acknowledgement', f.alerts.needingAcknowledgement],
    ['Alerts acknowledged', f.alerts.acknowledged],
    ['Alerts failed', f.alerts.failed],
  ];
}

export function figuresCsv(f: Figures): string {
  return toCsv(
    ['from', 'to', 'measure', 'value'],
    figureMeasures(f).map(([measure, value]) => [f.from, f.to, measure, value]),
    { quoteAll: true },
  );
}
