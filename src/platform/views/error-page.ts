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

/** Headings and steps are catalogue keys: error.njk shows them in the page's language. */
interface ErrorPage {
  pageTitle: string;
  heading: string;
  /** The service's own sentence about this refusal, when it is one a person can act on. */
  detail: string | null;
  next: { text: string; href?: string; linkText?: string }[];
  reference: string | null;
}

const home = { text: 'error.goTo', href: '/', linkText: 'error.yourDashboard' };

/** Each status a page can end in, as a heading and the steps that help. */
export function presentErrorPage(status: number, message: string | null, path: string, requestId: string): ErrorPage {
  const signIn = `/sign-in?next=${encodeURIComponent(path)}`;
  const page = (heading: string, next: ErrorPage['next'], detail: string | null = message) => ({
    pageTitle: heading,
    heading,
    detail: detail || null,
    next,
    reference: null,
  });
  if (status === 401)
    return page('error.401.heading', [
      { text: 'error.401.safety' },
      { text: 'error.401.signInAgain', href: signIn, linkText: 'error.401.carryOn' },
      { text: 'error.401.alertLink' },
    ]);
  if (status === 403) return page('error.403.heading', [{ text: 'error.403.role' }, { text: 'error.403.ask' }, home]);
  if (status === 404 || status === 410)
    return page(
      'error.404.heading',
      [{ text: 'error.404.typed' }, { text: 'error.404.followed' }, home],
      message && !/^(Not Found|Gone)$/.test(message) ? message : null,
    );
  if (status === 409 || status === 400 || status === 422)
    return page('error.409.heading', [{ text: 'error.409.nothingChanged' }, home]);
  if (status === 429) return page('error.429.heading', [{ text: 'error.429.wait' }]);
  return {
    ...page('error.500.heading', [{ text: 'error.500.nothingSaved' }, { text: 'error.500.childMissing' }], null),
    reference: requestId,
  };
}
