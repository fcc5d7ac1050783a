// The data every escalation template may use. No names, addresses or photographs: references,
// times (in the display time zone), the risk and, for professionals, a signed link: the data names
// its audience and expiry, and the link itself is signed when the message is sent.
import { dayMonthTime } from '../platform/wall-clock';
import type { RiskGrade } from './escalation-policy';
import type { LinkClaim } from './signed-link';

export interface EpisodeFacts {
  childRef: string;
  episodeRef: string;
  authorityName: string;
  kind: 'M' | 'A';
  risk: RiskGrade | null;
  discoveredAt: Date;
  lastSeenAt: Date | null;
  returnedAt: Date | null;
  policeReference: string | null;
  repeatCount: number;
  repeatWindowDays: number;
}

const riskLabels: Record<RiskGrade, string> = {
  very_low: 'Very low risk',
  low: 'Low risk',
  medium: 'Medium risk',
  high: 'High risk',
};

export function formatTime(at: Date, timeZone: string): string {
  return dayMonthTime(at, timeZone);
}

export function messageData(f: EpisodeFacts, now: Date, timeZone: string, link: LinkClaim | null) {
  const fmt = (d: Date) => formatTime(d, timeZone);
  return {
    childRef: f.childRef,
    episodeRef: f.episodeRef,
    authorityName: f.authorityName,
    kindLabel: f.kind === 'M' ? 'missing' : 'away without authorisation',
    riskLabel: f.risk ? riskLabels[f.risk] : 'Risk not yet graded',
    highRisk: f.risk === 'high',
    discoveredAt: fmt(f.discoveredAt),
    lastSeen: fmt(f.lastSeenAt ?? f.discoveredAt),
    hoursMissing: Math.max(0, Math.floor(((f.returnedAt ?? now).getTime() - f.discoveredAt.getTime()) / 3_600_000)),
    returnedAt: f.returnedAt ? fmt(f.returnedAt) : null,
    returnInterviewDue: f.returnedAt ? fmt(new Date(f.returnedAt.getTime() + 72 * 3_600_000)) : null,
    policeReference: f.policeReference,
    repeatCount: f.repeatCount,
    repeatWindowDays: f.repeatWindowDays,
    ...(link && { linkAudience: link.audience, linkExpiresAt: link.expiresAt.toISOString() }),
    linkExpires: link ? fmt(link.expiresAt) : null,
  };
}
