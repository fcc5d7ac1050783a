// Short child references for texts: four characters from an alphabet without look-alikes
// (no 0/O, 1/I/L, Z, 5/S, 8/B), so a carer reading one aloud at 3 a.m. cannot mistype it.
import { randomInt } from 'node:crypto';

export const referenceAlphabet = 'ACDEFGHJKMNPQRTUVWXY234679';
export const referencePattern = new RegExp(`^[${referenceAlphabet}]{4}$`);

export function newChildReference(): string {
  let ref = '';
  for (let i = 0; i < 4; i++) ref += referenceAlphabet[randomInt(referenceAlphabet.length)];
  return ref;
}
