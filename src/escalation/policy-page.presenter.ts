// The escalation policy page's table in the page's language: each step by what it does, the moment it
// is measured from, its delay, who it reaches and how, and whether it repeats.
import { recipientNameIn } from '../admin/admin-words';
import type { Translator } from '../platform/i18n/catalogue';
import type { EscalationPolicy } from './escalation-policy.entity';
import { stepName } from './step-names';

const momentKeys: Record<string, string> = {
  discovered: 'admin.policy.moment.discovered',
  reported: 'admin.policy.moment.reported',
  returned: 'admin.policy.moment.returned',
  risk_high: 'admin.policy.moment.risk_high',
};

const channelKeys: Record<string, string> = { sms: 'channel.sms', email: 'channel.email', voice: 'channel.voice' };

/** A policy delay or interval: "at once", "30 minutes", "1 hour 30 minutes", "48 hours", "7 days". */
export function minutesIn(minutes: number | null | undefined, tr: Translator): string {
  const m = Math.max(0, Math.round(minutes ?? 0));
  if (m === 0) return tr.t('admin.policy.atOnce');
  if (m >= 7 * 1440 && m % 1440 === 0) return tr.t('duration.days', { count: m / 1440 });
  const hours = Math.floor(m / 60);
  const rest = m % 60;
  return [hours && tr.t('duration.hours', { count: hours }), rest && tr.t('duration.minutes', { count: rest })]
    .filter(Boolean)
    .join(' ');
}

export function presentPolicySteps(p: EscalationPolicy, tr: Translator) {
  return p.steps.map((s) => ({
    key: stepName(s.key, undefined, tr),
    from: momentKeys[s.from] ? tr.t(momentKeys[s.from]) : s.from.replace(/_/g, ' '),
    delay: s.delayWorkingDays
      ? tr.t('admin.policy.workingDays', { count: s.delayWorkingDays })
      : minutesIn(s.delayMinutes, tr),
    recipients: s.recipients.map((r) => recipientNameIn(r, tr)).join(', '),
    channels: s.channels.map((c) => (channelKeys[c] ? tr.t(channelKeys[c]) : c)).join(', '),
    ack: tr.t(s.needsAck ? 'admin.policy.yes' : 'admin.policy.no'),
    repeat: s.repeat
      ? tr.t('admin.policy.repeats', { every: minutesIn(s.repeat.everyMinutes, tr), count: s.repeat.max })
      : tr.t('admin.policy.no'),
  }));
}
