// The signed missing-profile link police and CEOP open from an alert: the page (JSON with Accept:
// application/json), its photograph, and its Acknowledge button. No sign-in: the signed token in
// the path is the credential. The acknowledge form posts to the same origin (the CSP's form-action
// 'self'), has no crumb because there is no session to ride on (a forger would need the token
// itself), and is idempotent, so a replay or a double press changes nothing.
import type { Request, ResponseObject, ResponseToolkit } from '@hapi/hapi';

import { Gone, NotFound } from '../platform/errors';
import { clientAddress } from '../platform/http/client-address';
import { Joi } from '../platform/http/joi';
import type { AppRefs, AppRoute } from '../platform/http/types';
import { translatorOf } from '../platform/i18n/language.plugin';
import { presentProfilePage, presentRefusal } from './missing-profile.presenter';
import type { RefusalDetails } from './missing-profile-link.service';

const params = Joi.object({ token: Joi.string().max(100).required() });
const tags = ['api', 'escalation'];
const wantsJson = (accept: string | undefined) => (accept ?? '').includes('application/json');

/** Headers every answer to a link carries: it is personal data behind a secret address. */
const private_ = (r: ResponseObject) => r.header('x-robots-tag', 'noindex').header('referrer-policy', 'no-referrer');

/**
 * A refused link as a GOV.UK page saying whom to call (410 expired or closed, 404 not valid); anything else is thrown
 * on.
 */
function refusedPage(request: Request<AppRefs>, h: ResponseToolkit<AppRefs>, err: unknown) {
  const link = err instanceof Gone || (err instanceof NotFound && (err.details as RefusalDetails | undefined)?.reason);
  if (!link) throw err;
  const e = err as Gone | NotFound;
  request.app.pageAuthorityLanguage = (e.details as RefusalDetails | undefined)?.authorityLanguage;
  return private_(
    h.view('profile-link-refused', presentRefusal(e.details as RefusalDetails)).code(e instanceof Gone ? 410 : 404),
  );
}

export const profileLinkRoutes: AppRoute[] = [
  {
    method: 'GET',
    path: '/p/{token}',
    options: {
      auth: false,
      tags,
      description:
        "Open a child's missing profile from a signed link (HTML, or JSON with Accept: application/json); every opening is audited",
      validate: { params },
      handler: async (request, h) => {
        const { profileLinks } = request.server.app.services;
        const json = wantsJson(request.headers.accept);
        try {
          const view = await profileLinks.open(request.params.token, clientAddress(request));
          if (json) return private_(h.response(view));
          // Nobody is signed in: the sending authority's setting decides unless ?lang= or the cookie does.
          request.app.pageAuthorityLanguage = view.duty.authorityLanguage;
          const page = presentProfilePage(view, profileLinks.timeZone, request.params.token, translatorOf(request));
          return private_(h.view('missing-profile', page));
        } catch (err) {
          if (json) throw err;
          return refusedPage(request, h, err);
        }
      },
    },
  },
  {
    method: 'POST',
    path: '/p/{token}/acknowledge',
    options: {
      auth: false,
      tags,
      description:
        'Acknowledge, as the contact the signed link was sent to, the alerts it carried; repeats stop (idempotent, audited)',
      validate: { params, payload: Joi.object({}).allow(null) },
      payload: { maxBytes: 1024 },
      handler: async (request, h) => {
        try {
          await request.server.app.services.profileLinks.acknowledge(request.params.token, clientAddress(request));
        } catch (err) {
          if (wantsJson(request.headers.accept)) throw err;
          return refusedPage(request, h, err);
        }
        return private_(h.redirect(`/p/${request.params.token}#acknowledge`).code(303));
      },
    },
  },
  {
    method: 'GET',
    path: '/p/{token}/photo',
    options: {
      auth: false,
      tags,
      description: "The child's photograph for the signed link's page (audited; never cached)",
      validate: { params },
      handler: async (request, h) => {
        const photo = await request.server.app.services.profileLinks.photo(
          request.params.token,
          clientAddress(request),
        );
        return private_(
          h
            .response(photo.bytes)
            .type(photo.contentType)
            .header('x-content-type-options', 'nosniff')
            .header('content-disposition', 'inline'),
        );
      },
    },
  },
];
