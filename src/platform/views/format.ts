// Times are stored as timestamptz and shown in the authority's zone (Europe/London by default),
// in the page's language (Intl knows Welsh month and day names).
import type { Language } from '../i18n/language';

const locales = { en: 'en-GB', cy: 'cy' } as const;

export function formatDateTime(d: Date | string | null | undefined, timeZone: string, lang: Language = 'en'): string {
  if (!d) return '';
  return new Intl.DateTimeFormat(locales[lang], {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(d));
}

export function formatDate(d: Date | string | null | undefined, timeZone: string, lang: Language = 'en'): string {
  if (!d) return '';
  const date = typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? new Date(`${d}T12:00:00Z`) : new Date(d);
  return new Intl.DateTimeFormat(locales[lang], { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(
    date,
  );
}
