// The JSON shapes of a missing profile: the full one for casework staff, and the police view
// (profile plus the child's identifying details, never the placement address).
import type { Child } from '../children/child.entity';
import type { MissingProfile } from './missing-profile.entity';

function profileFields(p: MissingProfile) {
  return {
    physicalDescription: p.physicalDescription,
    distinguishingMarks: p.distinguishingMarks,
    photoTakenOn: p.photoTakenOn,
    phones: p.phones,
    socialMedia: p.socialMedia,
    languages: p.languages,
    medicalNeeds: p.medicalNeeds,
    medication: p.medication,
    associates: p.associates,
    places: p.places,
    travelCards: p.travelCards,
    missingHistory: p.missingHistory,
    updatedAt: p.updatedAt,
  };
}

export function presentProfile(p: MissingProfile) {
  return { childId: p.childId, ...profileFields(p), updatedBy: p.updatedBy };
}

/** What police and CEOP see through the episode's signed link: no ids of staff, no address. */
export function presentPoliceProfile(child: Child, profile: MissingProfile | null) {
  return {
    child: {
      reference: child.reference,
      firstNames: child.firstNames,
      lastName: child.lastName,
      aliases: child.aliases,
      dateOfBirth: child.dateOfBirth,
      dobEstimated: child.dobEstimated,
      sex: child.sex,
      gender: child.gender,
      nationality: child.nationality,
      firstLanguage: child.firstLanguage,
      interpreterNeeded: child.interpreterNeeded,
    },
    profile: profile && profileFields(profile),
  };
}

export type PoliceProfile = ReturnType<typeof presentPoliceProfile>;
