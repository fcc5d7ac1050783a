// The retention and legal-hold pages' words in the page's language: each kind of record, what its rule
// does, from when it counts and the rule's legal source. The API keeps presenting the codes
// (retention.presenter.ts); the stored source stays the English reference shown on English pages.
import type { Translator } from '../platform/i18n/catalogue';
import type { RetentionAction, RetentionKind } from './retention-kinds';
import type { RetentionRule } from './retention-rule';

const kindKeys: Record<RetentionKind, [label: string, source: string]> = {
  child_record: ['admin.retention.kind.child_record', 'admin.retention.source.child_record'],
  placements: ['admin.retention.kind.placements', 'admin.retention.source.partOfCase'],
  plans: ['admin.retention.kind.plans', 'admin.retention.source.partOfCase'],
  profiles_photos: ['admin.retention.kind.profiles_photos', 'admin.retention.source.partOfCase'],
  episodes: ['admin.retention.kind.episodes', 'admin.retention.source.partOfCase'],
  messages: ['admin.retention.kind.messages', 'admin.retention.source.messages'],
  message_bodies: ['admin.retention.kind.message_bodies', 'admin.retention.source.message_bodies'],
  inbound_texts: ['admin.retention.kind.inbound_texts', 'admin.retention.source.inbound_texts'],
  audit_trail: ['admin.retention.kind.audit_trail', 'admin.retention.source.audit_trail'],
  users: ['admin.retention.kind.users', 'admin.retention.source.users'],
  carers: ['admin.retention.kind.carers', 'admin.retention.source.carers'],
  contacts: ['admin.retention.kind.contacts', 'admin.retention.source.contacts'],
};

const anchorKeys: Record<string, string> = {
  date_of_birth: 'admin.retention.anchor.date_of_birth',
  child_record: 'admin.retention.anchor.child_record',
  sent: 'admin.retention.anchor.sent',
  received: 'admin.retention.anchor.received',
  disabled: 'admin.retention.anchor.disabled',
  placement_end: 'admin.retention.anchor.placement_end',
  deactivated: 'admin.retention.anchor.deactivated',
};

const actionKeys: Record<RetentionAction, string> = {
  anonymise: 'admin.retention.action.anonymise',
  shorten: 'admin.retention.action.shorten',
  keep: 'admin.retention.action.keep',
};

const known = <T extends string>(map: Record<T, unknown>, value: string): value is T => value in map;

export const kindName = (kind: string, tr: Translator) => (known(kindKeys, kind) ? tr.t(kindKeys[kind][0]) : kind);
export const actionName = (action: string, tr: Translator) =>
  known(actionKeys, action) ? tr.t(actionKeys[action]) : action;

export function presentRuleIn(r: RetentionRule, tr: Translator) {
  const anchor = anchorKeys[r.anchor] ? tr.t(anchorKeys[r.anchor]) : r.anchor;
  return {
    label: kindName(r.kind, tr),
    period: tr.t('admin.retention.period', { count: r.keepYears, anchor }),
    actionLabel: actionName(r.action, tr),
    automatic: r.automatic,
    inquiryHold: r.inquiryHold,
    // The stored source is the English text of the shipped rule; another language shows its translation.
    source: tr.lang === 'en' || !known(kindKeys, r.kind) ? r.source : tr.t(kindKeys[r.kind][1]),
    local: r.local,
    changeReason: r.changeReason,
  };
}
