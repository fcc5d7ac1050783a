// The two languages of the service and an authority's choice between them (Welsh Language Standards).
// A person's own choice, when recorded, wins; until then the authority's setting decides.

export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

/** english_only: no Welsh; english_first / welsh_first: bilingual, that language first where unknown. */
export const AUTHORITY_LANGUAGES = ['english_only', 'english_first', 'welsh_first'] as const;
export type AuthorityLanguage = (typeof AUTHORITY_LANGUAGES)[number];
