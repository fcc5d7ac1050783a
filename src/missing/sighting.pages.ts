// A sighting while the child is missing, from the episode page (casework staff): when, where, by whom,
// what was seen. It goes on the episode's timeline; 303 back to the episode.
import { contextOf } from '../platform/http/context';
import type { AppRoute } from '../platform/http/types';
import { dateTimeKeys, fieldsFor, requiredInstant } from '../platform/views/date-time-fields';
import { optionalText, orUndefined, requiredText } from '../platform/views/form-fields';
import { formPage, type PageRequest } from '../platform/views/form-page';

const services = (r: PageRequest) => r.server.app.services;
const zone = (r: PageRequest) => r.server.app.config.displayTimeZone;

export const sightingPages: AppRoute[] = formPage({
  path: '/episodes/{id}/sightings/new',
  view: 'episode-sighting',
  action: 'episodes.update',
  description: 'Add a sighting while the child is missing',
  fields: {
    ...dateTimeKeys('at', 'the child was seen'),
    where: requiredText(500, 'where the child was seen', 'Where'),
    by: optionalText(200, 'Who saw the child'),
    details: optionalText(5000, 'What was seen'),
  },
  fieldIds: { at: 'atDay' },
  context: async (request) => {
    const data = await services(request).episodePage.get(contextOf(request), request.params.id);
    return {
      episode: { id: data.episode.id, reference: data.episode.reference },
      backLink: { href: `/episodes/${data.episode.id}`, text: 'Back to the episode' },
    };
  },
  defaults: (request) => fieldsFor(services(request).clock.now(), zone(request), 'at'),
  submit: async (request, v) => {
    await services(request).episodeUpdates.addSighting(contextOf(request), request.params.id, {
      at: requiredInstant(v, 'at', 'the child was seen', zone(request)),
      where: v.where,
      by: orUndefined(v.by),
      details: orUndefined(v.details),
    });
    return `/episodes/${request.params.id}`;
  },
});
