// What a person sees when a page request fails: a GOV.UK page saying what happened and what to do
// next, never JSON. The API, webhooks and health checks keep their JSON answers.
import type { Request } from '@hapi/hapi';

/**
 * Requests a person makes in a browser; everything else (API, webhooks, docs, health, and a client asking
 * for JSON alone, as an integration reading a signed link does) answers in JSON.
 */
export function isPageRequest(request: Request): boolean {
  const accept = String(request.headers.accept ?? '');
  if (accept.includes('application/json') && !accept.includes('text/html')) return false;
  return !/^\/(api|webhooks|health|documentation|swagger|assets|app-assets)(\/|$|\.)/.test(request.path);
}

interface ErrorPage {
  pageTitle: string;
  heading: string;
  /** The service's own sentence about this refusal, when it is one a person can act on. */
  detail: string | null;
  next: { text: string; href?: string; linkText?: string }[];
  reference: string | null;
}

const home = { text: 'Go to', href: '/', linkText: 'your dashboard' };

/** Each status a page can end in, as a heading and the steps that help. */
export function presentErrorPage(status: number, message: string | null, path: string, requestId: string): ErrorPage {
  const signIn = `/sign-in?next=${encodeURIComponent(path)}`;
  const page = (heading: string, next: ErrorPage['next'], detail: string | null = message) => ({
    pageTitle: heading,
    heading,
    detail: detail && detail !== heading ? detail : null,
    next,
    reference: null,
  });
  if (status === 401)
    return page('Your link has expired or you are signed out', [
      { text: 'For your safety, sign-in and links stop working after a while.' },
      { text: 'Sign in again to', href: signIn, linkText: 'carry on where you were' },
      { text: 'If an alert link no longer works, call the duty team who sent it for a new one.' },
    ]);
  if (status === 403)
    return page('You cannot see this page', [
      { text: 'Your role or your link to this child does not allow it.' },
      { text: 'If you need it, ask your manager or an administrator to change your access.' },
      home,
    ]);
  if (status === 404 || status === 410)
    return page(
      'Page not found',
      [
        { text: 'If you typed the web address, check it is correct.' },
        { text: 'If you followed a link, the record may have been removed or belong to another authority.' },
        home,
      ],
      message && !/^(Not Found|Gone)$/.test(message) ? message : null,
    );
  if (status === 409 || status === 400 || status === 422)
    return page('This could not be done', [
      { text: 'Nothing was changed. Go back, check the page and try again.' },
      home,
    ]);
  if (status === 429) return page('Too many attempts', [{ text: 'Wait a minute, then try again.' }]);
  return {
    ...page(
      'Sorry, there is a problem with the service',
      [
        { text: 'Nothing was saved. Try again later.' },
        { text: 'If a child is missing now, phone the police on 999 and the duty team; do not wait for the service.' },
      ],
      null,
    ),
    reference: requestId,
  };
}
