// Administration: the duty worker's queue of texts nobody could act on automatically, each marked
// handled with a note of what was done.
import { contextOf } from '../platform/http/context';
import type { AppRoute } from '../platform/http/types';
import type { Language } from '../platform/i18n/language';
import { languageOf } from '../platform/i18n/language.plugin';
import { requiredText } from '../platform/views/form-fields';
import { formPage, type PageRequest } from '../platform/views/form-page';
import { formatDateTime } from '../platform/views/format';
import type { InboundMessage } from './inbound-message.entity';

const present = (m: InboundMessage, tz: string, lang: Language) => ({
  receivedAt: formatDateTime(m.receivedAt, tz, lang),
  from: m.fromNumber,
  body: m.body,
  reply: m.reply,
  handleHref: `/admin/texts/${m.id}/handled`,
});

const waitingText = (request: PageRequest) =>
  request.server.app.services.smsQueue.waiting(contextOf(request), request.params.id);

export const smsQueuePages: AppRoute[] = [
  {
    method: 'GET',
    path: '/admin/texts',
    options: {
      auth: 'session',
      app: { action: 'sms.queue' },
      description: 'Texts needing attention',
      handler: async (request, h) => {
        const tz = request.server.app.config.displayTimeZone;
        const { items } = await request.server.app.services.smsQueue.list(contextOf(request), {
          attention: true,
          limit: 200,
          offset: 0,
        });
        return h.view('admin-texts', {
          backLink: { href: '/admin', text: 'Back to administration' },
          rows: items.map((m) => present(m, tz, languageOf(request))),
        });
      },
    },
  },
  ...formPage({
    path: '/admin/texts/{id}/handled',
    view: 'admin-text-handled',
    action: 'sms.queue',
    description: 'Mark a text as handled',
    fields: { note: requiredText(1000, 'what you did about this text', 'The note') },
    context: async (request) => ({
      text: present(await waitingText(request), request.server.app.config.displayTimeZone, languageOf(request)),
      backLink: { href: '/admin/texts', text: 'Back to texts needing attention' },
    }),
    submit: async (request, v) => {
      await request.server.app.services.smsQueue.markHandled(contextOf(request), request.params.id, v.note);
      return '/admin/texts';
    },
  }),
];
