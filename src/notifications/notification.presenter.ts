// The JSON shape of a notification for casework staff: who, how, where it is on its way and its
// history. Message bodies are left out: they carry signed links to a child's missing profile.
import type { NotificationWithHistory } from './notifications.service';

export function presentNotification({ notification: n, events, fallbackId }: NotificationWithHistory) {
  return {
    id: n.id,
    episodeId: n.episodeId,
    stepKey: n.stepKey,
    channel: n.channel,
    recipient: { type: n.recipientType, id: n.recipientId, name: n.recipientName, address: n.address },
    template: n.template,
    status: n.status,
    attempts: n.attempts,
    needsAck: n.needsAck,
    lastError: n.lastError,
    fallbackOf: n.fallbackOf,
    fallbackId,
    createdAt: n.createdAt,
    sentAt: n.sentAt,
    deliveredAt: n.deliveredAt,
    acknowledgedAt: n.acknowledgedAt,
    history: events.map((e) => ({ at: e.at, status: e.status, detail: e.detail })),
  };
}
