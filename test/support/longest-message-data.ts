// The longest values each field of a queued message can take (a 37-character PUBLIC_BASE_URL, a
// 5-letter episode reference, September's 4-letter month, the longest risk label, 3-digit counts),
// as the dispatcher renders them: the link the data names, signed at send. Template size tests start here.
import { messageData } from '../../src/escalation/message-data';
import { SignedLinks } from '../../src/escalation/signed-link';

export const longestBase = 'https://alerts.example-borough.gov.uk';
export const at = new Date('2026-09-30T23:59:00Z');
export const links = new SignedLinks('x'.repeat(32), longestBase, 7);

export const queued = messageData(
  {
    childRef: 'WWWW',
    episodeRef: 'E-WWWWW',
    authorityName: 'Royal Borough of Windsor and Maidenhead',
    kind: 'A',
    risk: 'high',
    discoveredAt: at,
    lastSeenAt: at,
    returnedAt: at,
    policeReference: 'CAD-0000000000-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
    repeatCount: 999,
    repeatWindowDays: 365,
  },
  at,
  'Europe/London',
  links.claim('professional', at),
);

/** The queued data with its signed link as sent, and the longest acknowledgement code. */
export const longestSent = {
  ...queued,
  ...links.atSend({ episodeId: '7f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f', data: queued }),
  ackCode: '9999',
};
