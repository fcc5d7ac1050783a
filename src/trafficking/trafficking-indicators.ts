// The trafficking indicator checklist and assessment outcomes, with the words people see. The
// codes are stored; change a label freely, never a code.
export const traffickingIndicators = {
  no_adult_with_pr: 'No adult with parental responsibility',
  false_or_altered_documents: 'False or altered documents',
  unregistered_with_school_or_gp: 'Not registered with a school or GP',
  unrelated_children_at_one_address: 'Several unrelated children at one address',
  phone_number_sewn_into_clothing: 'Phone number sewn into clothing',
  debt_bondage: 'Debt bondage',
  contact_with_unknown_adults: 'Contact with unknown adults',
  repeat_missing: 'Repeat missing',
} as const;

export type TraffickingIndicator = keyof typeof traffickingIndicators;
export const traffickingIndicatorCodes = Object.keys(traffickingIndicators) as TraffickingIndicator[];

export const assessmentOutcomes = ['indicators_present', 'no_indicators', 'inconclusive'] as const;
export type AssessmentOutcome = (typeof assessmentOutcomes)[number];
