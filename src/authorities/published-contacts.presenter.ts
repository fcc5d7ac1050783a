// The published-contacts page's rows: every sentence it shows comes from the template; this picks
// the values and formats the date.
import type { Published } from './published-contacts.service';

export function presentPublished({ area, coordinators, sources }: Published) {
  return {
    area: {
      name: area.areaName ? `${area.areaName} (${area.onsCode})` : null,
      force: area.policeForceName,
      controlRoom: [area.controlRoomMobile, area.controlRoomEmail].filter(Boolean).join(', '),
      publishedBy: area.publishedBy,
      publishedOn: area.publishedAt?.toISOString().slice(0, 10) ?? null,
    },
    coordinators: coordinators.map((c) => ({
      name: c.name,
      organisation: c.organisation,
      reach: [c.mobile, c.email].filter(Boolean).join(', '),
      active: c.active,
      editHref: `/admin/contacts/${c.id}/edit`,
    })),
    sources,
  };
}
