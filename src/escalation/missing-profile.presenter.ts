// The missing profile as a minimal, printable HTML page for officers opening a signed link.
import nunjucks from 'nunjucks';
import { TEMPLATES_DIR } from '../notifications/templates';
import type { ProfileView } from './missing-profile-link.service';

const pages = new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATES_DIR), { autoescape: true });

export function renderProfilePage(view: ProfileView, timeZone: string): string {
  const fmt = (d: Date | null) => (d ? d.toLocaleString('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }) : null);
  return pages.render('pages/missing-profile.njk', {
    ...view, discoveredAt: fmt(view.episode.discoveredAt), lastSeenAt: fmt(view.episode.lastSeen.at), expires: fmt(view.expiresAt),
  });
}
