// The accessibility statement and privacy notice: open to everyone, signed in or not.
import type { AppRoute } from '../platform/http/types';

const page = (path: string, view: string, description: string): AppRoute => ({
  method: 'GET',
  path,
  options: {
    auth: { strategy: 'session', mode: 'try' },
    plugins: { cookie: { redirectTo: false } },
    app: { action: 'self.session' },
    description,
    handler: (_request, h) => h.view(view),
  },
});

export const helpPages: AppRoute[] = [
  page('/accessibility', 'accessibility', 'Accessibility statement'),
  page('/privacy', 'privacy', 'Privacy notice'),
];
