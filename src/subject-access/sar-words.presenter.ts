// The subject access pages' words in the page's language: each section's title, each redaction reason,
// a request's status and deadline as a sentence. The export (PDF, JSON) keeps its own words (sar.presenter.ts).
import type { Translator } from '../platform/i18n/catalogue';
import { formatDate } from '../platform/views/format';
import type { SarSection } from './sar-document';
import type { Redaction } from './subject-access.repository';
import type { SarView } from './subject-access.service';

const sectionKeys: Record<string, string> = {
  child: 'admin.sar.section.child',
  corrections: 'admin.sar.section.corrections',
  placements: 'admin.sar.section.placements',
  guardians: 'admin.sar.section.guardians',
  plans: 'admin.sar.section.plans',
  profile: 'admin.sar.section.profile',
  photographs: 'admin.sar.section.photographs',
  assessments: 'admin.sar.section.assessments',
  nrm: 'admin.sar.section.nrm',
  episodes: 'admin.sar.section.episodes',
  timeline: 'admin.sar.section.timeline',
  risk_grades: 'admin.sar.section.risk_grades',
  messages: 'admin.sar.section.messages',
  inbound_texts: 'admin.sar.section.inbound_texts',
  bed_checks: 'admin.sar.section.bed_checks',
  meetings: 'admin.sar.section.meetings',
  meeting_actions: 'admin.sar.section.meeting_actions',
  audit: 'admin.sar.section.audit',
  carer_records: 'admin.sar.section.carer_records',
};

const reasonKeys: Record<string, string> = {
  other_child: 'admin.sar.reason.other_child',
  carer_contact: 'admin.sar.reason.carer_contact',
  police_information: 'admin.sar.reason.police_information',
  third_party: 'admin.sar.reason.third_party',
};

const statusKeys: Record<string, string> = {
  open: 'admin.sar.status.open',
  paused: 'admin.sar.status.paused',
  completed: 'admin.sar.status.completed',
};

const titleOf = (key: string, tr: Translator) => (sectionKeys[key] ? tr.t(sectionKeys[key]) : key);
const reasonOf = (reason: string, tr: Translator) => (reasonKeys[reason] ? tr.t(reasonKeys[reason]) : reason);

export const reasonItemsIn = (tr: Translator) =>
  Object.keys(reasonKeys).map((value) => ({ value, text: reasonOf(value, tr) }));

/** A request as its pages show it: who it is about, its status and its deadline as a sentence. */
export function requestIn(r: SarView, tr: Translator, zone: string) {
  const date = (d: string | null) => formatDate(d, zone, tr.lang);
  return {
    ...r,
    about: r.childReference
      ? tr.t('admin.sar.aboutChild', { reference: r.childReference })
      : tr.t('admin.sar.aboutCarer', { mobile: r.carerMobile }),
    receivedText: date(r.receivedOn),
    statusText: statusKeys[r.status] ? tr.t(statusKeys[r.status]) : r.status,
    deadlineText: r.paused
      ? tr.t('admin.sar.pausedSince', { date: date(r.pausedSince) })
      : tr.t('admin.sar.dueBy', { date: date(r.deadline) }),
    extensionText: r.extensionMonths
      ? tr.t('admin.sar.extendedBy', { count: r.extensionMonths, reason: r.extensionReason })
      : tr.t('admin.sar.notExtended'),
    pauses: r.pauses.map((p) => ({
      ...p,
      text: tr.t('admin.sar.pause', {
        from: date(p.pausedOn),
        to: p.resumedOn ? date(p.resumedOn) : tr.t('admin.sar.now'),
      }),
    })),
  };
}

const shown = (v: unknown) =>
  v === null || v === undefined || v === '' ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Each section with its title, each item's fields as shown after redaction; the record's own words stay as held. */
export function itemsIn(unredacted: SarSection[], redacted: SarSection[], tr: Translator) {
  return unredacted.map((section, i) => ({
    key: section.key,
    title: titleOf(section.key, tr),
    items: section.items.map((item, j) => {
      const after = redacted[i].items[j];
      const covered = after.redacted ? /^\[redacted: (.+)\]$/.exec(after.redacted)?.[1].replace(/ /g, '_') : null;
      return {
        id: item.id,
        police: item.flags.includes('police_information'),
        redacted: after.redacted ? tr.t('admin.sar.redacted', { reason: reasonOf(covered ?? '', tr) }) : null,
        fields: Object.keys(item.fields)
          .filter((k) => k !== 'image_base64' && k !== 'id')
          .map((k) => ({ key: k, label: k.replace(/_/g, ' '), value: shown(after.redacted ? '' : after.fields[k]) }))
          .filter((f) => f.value),
      };
    }),
  }));
}

export const marksIn = (marks: Redaction[], tr: Translator) =>
  marks.map((m) => ({
    id: m.id,
    where: [
      titleOf(m.section, tr),
      m.itemId === '*' ? ` ${tr.t('admin.sar.throughout')}` : '',
      m.field ? `: ${m.field}` : '',
    ].join(''),
    reason: reasonOf(m.reason, tr),
  }));
