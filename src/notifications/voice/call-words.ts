// What one call says, in the language(s) its row was queued in (the recipient's choice, or the
// authority's order where unknown): its alert, and every other thing the call says (the choice, a key
// read back, the goodbye, the voicemail message) in the same language(s).
import type { Notification } from '../notification.entity';
import { voiceParts } from '../templates';
import type { Spoken } from './call-twiml';

type Call = Pick<Notification, 'language' | 'bodyText' | 'template'>;

/** The alert: as kept on the row when the call was placed; a call in both languages keeps them as one
 * line, so it is written again from the template (each language is said by its own voice). */
export function alertWords(n: Call, data: object): Spoken[] {
  const rendering = n.language ?? 'en';
  if (n.bodyText !== null && !rendering.includes('+'))
    return [{ language: rendering as 'en' | 'cy', words: n.bodyText }];
  return voiceParts(n.template, data, rendering);
}

/** Another of the call's templates (call-prompt, call-accepted...) in the call's language(s). */
export const callWords = (n: Call, template: string, data: object): Spoken[] =>
  voiceParts(template, data, n.language ?? 'en');
