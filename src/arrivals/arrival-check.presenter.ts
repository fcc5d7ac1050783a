// The "check your answers" page of an arrival: every answer as a summary list row, grouped by section,
// each section with its Change link. Words from the page's catalogue; the values come from the checked arrival.
import type { Translator } from '../platform/i18n/catalogue';
import { formatDate, formatDateTime } from '../platform/views/format';
import type { ArrivalInput } from './arrival-input';
import type { TaskKey } from './arrival-sections';

const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });

export function presentArrivalCheck(a: ArrivalInput, hasPhoto: boolean, timeZone: string, { t, lang }: Translator) {
  const yesNo = (b: boolean) => t(b ? 'common.yes' : 'common.no');
  const orNone = (s: string | null | undefined) => s || t('arrival.check.notGiven');
  const date = (d: string) => formatDate(d, timeZone, lang);
  const dateTime = (d: Date | null | undefined) => formatDateTime(d ?? null, timeZone, lang);
  const card = (k: TaskKey, rows: ReturnType<typeof row>[]) => ({
    card: {
      title: { text: t(`arrival.section.${k}`) },
      actions: {
        items: [
          {
            href: `/arrivals/new/${k}`,
            text: t('arrival.check.change'),
            visuallyHiddenText: t(`arrival.section.${k}`),
          },
        ],
      },
    },
    rows,
  });
  const c = a.child;
  const dob = date(c.dateOfBirth);
  const bedChecks = a.plan.bedChecks;
  return [
    card('child', [
      row(t('arrival.check.names'), `${c.firstNames} ${c.lastName}`),
      row(t('arrival.f.otherNames'), c.aliases.join(', ') || t('arrival.check.noneGiven')),
      row(t('child.row.dateOfBirth'), c.dobEstimated ? t('arrival.check.estimated', { date: dob }) : dob),
      row(t('arrival.check.ageDisputed'), yesNo(c.ageDisputed)),
      row(t('child.row.sex'), t(c.sex === 1 ? 'child.male' : 'child.female')),
      row(t('child.row.nationality'), orNone(c.nationality)),
      row(t('child.row.firstLanguage'), orNone(c.firstLanguage)),
      row(t('child.row.interpreter'), yesNo(c.interpreterNeeded)),
    ]),
    card('arrival', [
      row(t('arrival.port'), a.arrival.port),
      row(t('arrival.check.identified'), dateTime(a.arrival.arrivedAt)),
      row(t('arrival.check.identifiedBy'), t(`arrival.check.by.${a.arrival.identifiedBy}`)),
      row(t('child.row.uasc'), yesNo(c.uasc)),
      row(t('child.row.trafficking'), t(`trafficking.${c.traffickingStatus}`)),
    ]),
    card('indicators', [
      row(
        t('arrival.check.indicatorsSeen'),
        a.indicators.seen.map((i) => t(`indicator.${i}`)).join(', ') || t('arrival.check.noneSeen'),
      ),
      row(t('arrival.f.whatYouSaw'), orNone(a.indicators.notes)),
    ]),
    card('photo', [row(t('arrival.section.photo'), t(hasPhoto ? 'arrival.check.uploaded' : 'arrival.check.noneYet'))]),
    card('plan', [
      row(t('child.riskOfMissing'), t('arrival.check.high')),
      row(t('child.measures'), a.plan.measures.map((m) => t(`measure.${m}`)).join(', ') || t('child.none')),
      row(
        t('child.bedChecks'),
        bedChecks
          ? t('arrival.check.bedChecks', { times: bedChecks.times.join(', '), count: bedChecks.days })
          : t('child.none'),
      ),
      row(t('arrival.check.agreedBy'), a.plan.agreedBy),
      row(t('arrival.check.reviewBy'), date(a.plan.reviewOn)),
    ]),
    card('placement', [
      row(t('child.row.placementType'), t(`arrival.type.${a.placement.type}`)),
      row(t('child.row.provider'), a.placement.provider),
      row(t('child.row.address'), a.placement.address),
      row(t('arrival.check.starts'), dateTime(a.placement.startedAt)),
      ...a.placement.carers.flatMap((carer, n) => [
        row(t(n ? 'arrival.check.carer2' : 'arrival.check.carer'), carer.name),
        row(t(n ? 'arrival.check.carer2Mobile' : 'arrival.check.carerMobile'), carer.mobile),
      ]),
    ]),
    card('referrals', [
      row(t('arrival.f.guardianService'), a.guardian.organisation),
      row(t('arrival.f.namedGuardian'), a.guardian.name ?? t('arrival.check.toBeAllocated')),
      row(t('arrival.check.guardianReferred'), date(a.guardian.referredOn)),
      row(t('arrival.check.nrmReferred'), date(a.nrm.referredOn)),
      row(t('arrival.check.firstResponder'), a.nrm.firstResponder),
      row(t('arrival.f.nrmReference'), orNone(a.nrm.reference)),
      row(
        t('arrival.check.decisionsBy'),
        t(a.nrm.decisionMaker === 'devolved_panel' ? 'arrival.check.devolved' : 'arrival.referrals.sca'),
      ),
    ]),
  ];
}
