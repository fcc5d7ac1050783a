// The missing profile form (Philomena Protocol part 1). Lists of phones and places are typed one to
// a line; known associates and social media are kept as they are (the API changes those).
import { invalidFields } from '../platform/errors';
import { contextOf } from '../platform/http/context';
import type { AppRoute } from '../platform/http/types';
import { toE164 } from '../platform/phone';
import { dateFieldsFor, dateKeys, isoDateOf } from '../platform/views/date-time-fields';
import { optionalText, orNull } from '../platform/views/form-fields';
import { formPage, type PageRequest } from '../platform/views/form-page';

const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

function phonesOf(text: string | undefined) {
  return lines(text).map((line, i) => {
    const [number, ...handset] = line.split(',');
    const e164 = toE164(number.trim());
    if (!e164)
      throw invalidFields([
        { field: 'phones', message: `Phone line ${i + 1} must start with a phone number, like 07700 900101, Samsung` },
      ]);
    return { number: e164, handset: handset.join(',').trim() || null };
  });
}

async function loadProfile(request: PageRequest) {
  const ctx = contextOf(request);
  const { services } = request.server.app;
  const child = await services.children.get(ctx, request.params.id);
  const profile = await services.childPage.profileOrNull(ctx, request.params.id);
  const photoUploadedAt = await services.missingProfilePhotos.uploadedAt(ctx, request.params.id);
  return {
    child: { id: child.id, name: `${child.firstNames} ${child.lastName}`, reference: child.reference },
    profile,
    photoUploadedAt,
    backLink: { href: `/children/${child.id}`, text: 'Back to the child' },
  };
}

export const missingProfilePages: AppRoute[] = formPage({
  path: '/children/{id}/missing-profile',
  view: 'missing-profile-edit',
  action: 'profiles.write',
  description: 'Write or change the missing profile',
  fields: {
    physicalDescription: optionalText(5000, 'The physical description'),
    distinguishingMarks: optionalText(5000, 'Distinguishing marks'),
    ...dateKeys('photo', 'the photograph was taken', false),
    phones: optionalText(2000, 'Phones'),
    languages: optionalText(500, 'Languages'),
    medicalNeeds: optionalText(5000, 'Medical needs'),
    medication: optionalText(5000, 'Medication'),
    places: optionalText(5000, 'Places frequented'),
    travelCards: optionalText(5000, 'Travel cards'),
    missingHistory: optionalText(5000, 'Previous missing history'),
  },
  fieldIds: { photoTakenOn: 'photoDay' },
  context: loadProfile,
  defaults: (_request, context) => {
    const p = (context as Awaited<ReturnType<typeof loadProfile>>).profile;
    if (!p) return {};
    return {
      physicalDescription: p.physicalDescription ?? '',
      distinguishingMarks: p.distinguishingMarks ?? '',
      ...dateFieldsFor(p.photoTakenOn, 'photo'),
      phones: p.phones.map((x) => [x.number, x.handset].filter(Boolean).join(', ')).join('\n'),
      languages: p.languages.join(', '),
      medicalNeeds: p.medicalNeeds ?? '',
      medication: p.medication ?? '',
      places: p.places.map((x) => x.description).join('\n'),
      travelCards: p.travelCards ?? '',
      missingHistory: p.missingHistory ?? '',
    };
  },
  submit: async (request, v) => {
    const photoTakenOn = isoDateOf(v, 'photo');
    if (photoTakenOn === 'invalid')
      throw invalidFields([{ field: 'photoDay', message: 'The date the photograph was taken must be a real date' }]);
    const current = (await loadProfile(request)).profile;
    const previousRisks = new Map((current?.places ?? []).map((p) => [p.description, p.risk]));
    await request.server.app.services.missingProfiles.put(contextOf(request), request.params.id, {
      physicalDescription: orNull(v.physicalDescription),
      distinguishingMarks: orNull(v.distinguishingMarks),
      photoTakenOn,
      phones: phonesOf(v.phones),
      socialMedia: current?.socialMedia ?? [],
      associates: current?.associates ?? [],
      languages: [
        ...new Set(
          (v.languages ?? '')
            .split(',')
            .map((l) => l.trim())
            .filter(Boolean),
        ),
      ],
      medicalNeeds: orNull(v.medicalNeeds),
      medication: orNull(v.medication),
      places: lines(v.places).map((description) => ({ description, risk: previousRisks.get(description) ?? null })),
      travelCards: orNull(v.travelCards),
      missingHistory: orNull(v.missingHistory),
    });
    return `/children/${request.params.id}`;
  },
});
