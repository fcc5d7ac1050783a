// Downloads (SSDA903, figures CSV, audit CSV) are API endpoints that a signed-in browser also opens
// from its pages: either an API token or the page session, with the same action and role rules.
// Without either, the answer stays a 401 (no redirect to the sign-in page: API clients expect it). The session
// comes first: the token scheme's 401 carries a sentence, which hapi takes as final.
import type { RouteOptions } from '@hapi/hapi';

import type { AppRefs } from './types';

export const tokenOrSession: Pick<RouteOptions<AppRefs>, 'auth' | 'plugins'> = {
  auth: { strategies: ['session', 'api-token'] },
  plugins: { cookie: { redirectTo: false } },
};
