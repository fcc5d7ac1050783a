// Short episode references for texts (E-4F7K): the child references' alphabet without look-alikes,
// so "We have your report, episode E-4F7K" can be read out over the phone at 3 a.m.
import { randomInt } from 'node:crypto';

import { referenceAlphabet } from '../children/child-reference';

export const episodeReferencePattern = new RegExp(`^E-[${referenceAlphabet}]{4,6}$`);

export function newEpisodeReference(length = 4): string {
  let ref = 'E-';
  for (let i = 0; i < length; i++) ref += referenceAlphabet[randomInt(referenceAlphabet.length)];
  return ref;
}
