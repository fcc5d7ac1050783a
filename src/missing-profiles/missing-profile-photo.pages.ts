// The missing-profile photograph for signed-in staff: upload it from the missing profile page (a
// multipart form with the CSRF crumb), and see it (image bytes, never cached). A refused file
// re-renders the upload with a sentence; nothing is stored.
import type { ReqRef, ResponseToolkit } from '@hapi/hapi';

import { Invalid } from '../platform/errors';
import { contextOf } from '../platform/http/context';
import { Joi } from '../platform/http/joi';
import { idParam } from '../platform/http/schemas';
import type { AppRoute } from '../platform/http/types';
import { pageErrors } from '../platform/views/forms';
import { PHOTO_MAX_BYTES, PHOTO_TOO_LARGE } from './photo-image';

// Room for the form's other fields and the multipart framing around a file just under the limit.
const UPLOAD_MAX_BYTES = PHOTO_MAX_BYTES + 64 * 1024;

/** The upload form again with one error; it names no child, so it is safe to show before the payload is read. */
function refused<R extends ReqRef>(h: ResponseToolkit<R>, childId: string, message: string, code: number) {
  return h
    .view('missing-profile-photo', {
      childId,
      backLink: { href: `/children/${childId}/missing-profile`, text: 'Back to the missing profile' },
      ...pageErrors([{ field: 'photo', message }]),
    })
    .code(code);
}

export const missingProfilePhotoPages: AppRoute[] = [
  {
    method: 'GET',
    path: '/children/{id}/missing-profile/photo',
    options: {
      auth: 'session',
      app: { action: 'profiles.read' },
      description: "The child's missing-profile photograph (audited; never cached)",
      validate: { params: idParam },
      handler: async (request, h) => {
        const photo = await request.server.app.services.missingProfilePhotos.get(contextOf(request), request.params.id);
        return h
          .response(photo.bytes)
          .type(photo.contentType)
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', 'inline');
      },
    },
  },
  {
    method: 'POST',
    path: '/children/{id}/missing-profile/photo',
    options: {
      auth: 'session',
      app: { action: 'profiles.write' },
      description: 'Upload or replace the missing-profile photograph (JPEG, PNG or WebP, under 5 MB)',
      payload: {
        output: 'data',
        parse: true,
        multipart: { output: 'data' },
        allow: 'multipart/form-data',
        maxBytes: UPLOAD_MAX_BYTES,
        // A file past the limit is a sentence on the form, not a bare 413.
        failAction: (request, h, err) => {
          const status = (err as { output?: { statusCode?: number } } | undefined)?.output?.statusCode;
          if (status !== 413 || idParam.validate(request.params).error) throw err;
          return refused(h, String(request.params.id), PHOTO_TOO_LARGE, 413).takeover();
        },
      },
      // A form sent with no file chosen carries an empty part that is not a buffer: that is "no photograph", a
      // sentence on the form, not a refused request.
      validate: { params: idParam, payload: Joi.object({ crumb: Joi.string(), photo: Joi.any() }) },
      handler: async (request, h) => {
        const sent = (request.payload as { photo?: unknown }).photo;
        const photo = Buffer.isBuffer(sent) ? sent : typeof sent === 'string' ? Buffer.from(sent) : undefined;
        try {
          await request.server.app.services.missingProfilePhotos.upload(contextOf(request), request.params.id, photo);
        } catch (err) {
          if (err instanceof Invalid) return refused(h, request.params.id, err.message, 400);
          throw err;
        }
        return h.redirect(`/children/${request.params.id}/missing-profile#photo`).code(303);
      },
    },
  },
];
