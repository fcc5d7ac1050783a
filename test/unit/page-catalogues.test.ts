// The page catalogues stay whole: every key a template or presenter uses exists in English and in
// Welsh, both files have the same keys, plural messages have the forms each language needs, and the
// list of Welsh awaiting review names only keys that exist.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { sectionOrder } from '../../src/arrivals/arrival-sections';
import { identifiedBy, traffickingStatuses } from '../../src/children/child.entity';
import { riskGrades } from '../../src/escalation/escalation-policy';
import { whyChosen } from '../../src/escalation/recipient-reasons';
import { namedStepKeys } from '../../src/escalation/step-names';
import { measureNames } from '../../src/figures/figures.presenter';
import { guardianKinds } from '../../src/guardians/guardian.entity';
import { episodeStates, reportedVia } from '../../src/missing/missing-episode.entity';
import { notificationStatuses } from '../../src/notifications/notification.entity';
import { nrmDecisions } from '../../src/nrm/nrm-deadlines';
import { labelledRoles } from '../../src/operational-group/role-label';
import { placementTypes } from '../../src/placements/placement.entity';
import { permissions } from '../../src/platform/auth/permissions';
import type { Catalogue } from '../../src/platform/i18n/catalogue';
import { planMeasureCodes, risksOfMissing } from '../../src/safeguarding/plan-measures';
import { assessmentOutcomes, traffickingIndicatorCodes } from '../../src/trafficking/trafficking-indicators';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const en: Catalogue = read('templates/locales/en.json');
const cy: Catalogue = read('templates/locales/cy.json');
const namespaces = new Set(Object.keys(en).map((k) => k.split('.')[0]));

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, ext) : ext.test(name) ? [full] : [];
  });
}

/** Every quoted string that looks like a catalogue key (a known namespace, then dotted words) but a permission. */
function keysIn(files: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of files)
    for (const m of readFileSync(file, 'utf8').matchAll(/["'`]([a-z][A-Za-z]*(?:\.[A-Za-z0-9_]+)+)["'`]/g))
      if (namespaces.has(m[1].split('.')[0]) && !/\.(njk|json|ts|js|css|mjs)$/.test(m[1]) && !(m[1] in permissions))
        found.set(m[1], path.relative(root, file));
  return found;
}

// Keys presenters build from the domain's own values.
const dynamicKeys = [
  ...episodeStates.map((s) => `state.${s}`),
  ...notificationStatuses.map((s) => `status.${s}`),
  ...['sent', 'delivered', 'failed'].map((s) => `callStatus.${s}`),
  ...['sms', 'email', 'voice'].map((c) => `channel.${c}`),
  ...['fired', 'skipped', 'unreached'].map((o) => `run.${o}`),
  ...riskGrades.map((g) => `risk.${g}`),
  ...reportedVia.map((v) => `via.${v}`),
  ...traffickingStatuses.map((s) => `trafficking.${s}`),
  ...namedStepKeys.map((k) => `step.${k}`),
  ...planMeasureCodes.map((m) => `measure.${m}`),
  ...traffickingIndicatorCodes.map((i) => `indicator.${i}`),
  ...placementTypes.map((p) => `placement.${p}`),
  ...guardianKinds.map((k) => `guardian.${k}`),
  ...assessmentOutcomes.map((o) => `assessment.${o}`),
  ...nrmDecisions.map((d) => `nrm.decision.${d}`),
  ...risksOfMissing.map((r) => `risk.${r}`),
  ...['due', 'waiting', 'home', 'not_home', 'missed', 'not_sent'].map((s) => `bedChecks.tag.${s}`),
  ...['due', 'waiting', 'home', 'not_home', 'missed', 'not_sent'].map((s) => `bedChecks.detail.${s}`),
  ...['scheduled', 'held', 'cancelled'].map((s) => `group.meetingStatus.${s}`),
  ...['present', 'apologies', 'absent'].map((a) => `group.attendance.${a}`),
  ...['returned', 'returnedClosed', 'closed', 'stillMissing'].map((e) => `group.pack.ending.${e}`),
  ...['reasonable_grounds', 'conclusive_grounds'].map((d) => `group.pack.decision.${d}`),
  ...labelledRoles.map((r) => `group.role.${r}`),
  ...measureNames.map((m) => `figures.measure.${m}`),
  ...['openEnded', 'openBefore', 'endsAfter', 'endsBefore'].map((w) => `returns.577.${w}`),
  ...sectionOrder.map((k) => `arrival.section.${k}`),
  ...identifiedBy.flatMap((b) => [`arrival.by.${b}`, `arrival.check.by.${b}`]),
  ...placementTypes.map((p) => `arrival.type.${p}`),
  ...guardianKinds.map((k) => `record.guardian.kind.${k}`),
  ...assessmentOutcomes.map((o) => `record.assessment.outcome.${o}`),
  ...nrmDecisions.map((d) => `record.nrm.decision.${d}`),
  // Timeline lines keep these as parameters and name them through the catalogue when shown.
  ...['M', 'A'].map((k) => `timeline.kind.${k}`),
  ...reportedVia.map((v) => `timeline.via.${v}`),
  ...traffickingStatuses.map((s) => `timeline.trafficking.${s}`),
  ...riskGrades.map((g) => `timeline.risk.${g}`),
  ...['sms', 'email', 'voice'].map((c) => `timeline.channel.${c}`),
  ...['discovered', 'reported', 'returned', 'risk_high', 'riskHighFromStart'].map((m) => `timeline.moment.${m}`),
  ...Object.keys(whyChosen).flatMap((r) => [`timeline.chosen.${r}`, `timeline.role.${r}`]),
];

describe('page catalogues', () => {
  const used = keysIn([
    ...filesUnder(path.join(root, 'templates', 'pages'), /\.njk$/),
    ...filesUnder(path.join(root, 'src'), /\.ts$/),
  ]);

  it('finds the keys pages use (the scan itself works)', () => {
    expect(used.size).toBeGreaterThan(200);
    expect(used.has('signIn.title')).toBe(true);
  });

  it.each(['en', 'cy'])('has every key a template or presenter uses in %s', (lang) => {
    const catalogue = lang === 'en' ? en : cy;
    const missing = [...used.keys(), ...dynamicKeys]
      .filter((k) => catalogue[k] === undefined)
      .map((k) => `${k} (${used.get(k) ?? 'domain value'})`);
    expect(missing).toEqual([]);
  });

  it('has the same keys in English and Welsh', () => {
    expect(Object.keys(cy).filter((k) => !(k in en))).toEqual([]);
    expect(Object.keys(en).filter((k) => !(k in cy))).toEqual([]);
  });

  it.each([
    ['en', en],
    ['cy', cy],
  ] as const)('gives each plural message in %s every form the language has', (lang, catalogue) => {
    const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const short = Object.entries(catalogue)
      .filter(([, v]) => typeof v !== 'string')
      .filter(([, v]) => forms.some((f) => !(f in (v as object))))
      .map(([k]) => k);
    expect(short).toEqual([]);
  });

  it('uses the same {placeholders} in both languages', () => {
    const names = (v: unknown) => [...JSON.stringify(v).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const differ = Object.keys(en).filter(
      (k) => JSON.stringify([...new Set(names(en[k]))]) !== JSON.stringify([...new Set(names(cy[k]))]),
    );
    expect(differ).toEqual([]);
  });

  it('lists only existing keys or prefixes as awaiting review', () => {
    const { unreviewed } = read('templates/locales/cy.unreviewed.json') as { unreviewed: string[] };
    const stale = unreviewed.filter((entry) =>
      entry.endsWith('.') ? !Object.keys(cy).some((k) => k.startsWith(entry)) : !(entry in cy),
    );
    expect(stale).toEqual([]);
  });
});
