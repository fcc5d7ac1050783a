// Signed links to one child's missing profile for one episode, sent to police, CEOP and the team.
// Compact enough for one SMS: episode id, expiry and audience, plus a truncated HMAC-SHA256 with
// SESSION_SECRET (72 bits: forging one needs ~2^72 online guesses). Nothing is stored. A queued
// message's data names the link's audience and expiry, and the link is signed as the message is
// sent: the same claims make the same link, and a sweep of a thousand alerts signs nothing.
import { createHmac, createSecretKey, KeyObject, timingSafeEqual } from 'node:crypto';

import { Unauthorized } from '../platform/errors';

export const audiences = ['police', 'ceop', 'professional'] as const;
export type Audience = (typeof audiences)[number];
export interface LinkClaims {
  episodeId: string;
  expiresAt: Date;
  audience: Audience;
}
/** A link as a queued message's data names it; the message's episode completes it. */
export interface LinkClaim {
  audience: Audience;
  expiresAt: Date;
}

const MAC_BYTES = 9;
const PAYLOAD_BYTES = 21;
export const LINK_NOT_VALID =
  'This link is not valid. Use the link exactly as it was sent, or ask the duty team for a new one.';
export const LINK_EXPIRED = 'This link has expired. Ask the duty team for a new one.';

/** Whether a token has a link's shape: an altered or forged link rather than any string. */
export function looksLikeLink(token: string): boolean {
  return /^[A-Za-z0-9_-]{40}$/.test(token);
}

/** The episode a link-shaped token names, before (or without) checking its signature. */
export function claimedEpisodeId(token: string): string | null {
  if (!looksLikeLink(token)) return null;
  const hex = Buffer.from(token, 'base64url').subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class SignedLinks {
  // A key object made once: a sweep signs a link for every alert, and a string key is converted on every signature.
  private readonly key: KeyObject;

  constructor(
    secret: string,
    private readonly baseUrl: string,
    private readonly days: number,
  ) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  /** The link an alert queued now will carry: for whom, and until when. */
  claim(audience: Audience, now: Date): LinkClaim {
    return { audience, expiresAt: new Date(now.getTime() + this.days * 86_400_000) };
  }

  /** The link's address: the claim signed for the episode. */
  url(episodeId: string, { audience, expiresAt }: LinkClaim): string {
    return `${this.baseUrl}/p/${this.sign({ episodeId, expiresAt, audience })}`;
  }

  /** At send: the link a message's data names (as `link`), signed for its episode; nothing where it names none. */
  atSend(n: { episodeId: string | null; data: object | null }): { link?: string } {
    const data = (n.data ?? {}) as { linkAudience?: unknown; linkExpiresAt?: unknown };
    const audience = audiences.find((a) => a === data.linkAudience);
    const expiresAt = typeof data.linkExpiresAt === 'string' ? new Date(data.linkExpiresAt) : null;
    if (!n.episodeId || !audience || !expiresAt || Number.isNaN(expiresAt.getTime())) return {};
    return { link: this.url(n.episodeId, { audience, expiresAt }) };
  }

  sign(claims: LinkClaims): string {
    const payload = Buffer.alloc(PAYLOAD_BYTES);
    Buffer.from(claims.episodeId.replace(/-/g, ''), 'hex').copy(payload, 0);
    payload.writeUInt32BE(Math.floor(claims.expiresAt.getTime() / 1000), 16);
    payload.writeUInt8(audiences.indexOf(claims.audience), 20);
    return Buffer.concat([payload, this.mac(payload)]).toString('base64url');
  }

  /** The claims of a genuine, unexpired token; otherwise Unauthorized with a plain sentence. */
  verify(token: string, now: Date): LinkClaims {
    const claims = this.read(token);
    if (!claims) throw new Unauthorized(LINK_NOT_VALID);
    if (claims.expiresAt <= now) throw new Unauthorized(LINK_EXPIRED);
    return claims;
  }

  /** The claims of a token whose signature is genuine, expired or not; null for anything else. */
  read(token: string): LinkClaims | null {
    const raw = looksLikeLink(token) ? Buffer.from(token, 'base64url') : Buffer.alloc(0);
    const payload = raw.subarray(0, PAYLOAD_BYTES);
    const mac = raw.subarray(PAYLOAD_BYTES);
    if (
      raw.length !== PAYLOAD_BYTES + MAC_BYTES ||
      !timingSafeEqual(mac, this.mac(payload)) ||
      payload[20] >= audiences.length
    )
      return null;
    return {
      episodeId: claimedEpisodeId(token)!,
      expiresAt: new Date(payload.readUInt32BE(16) * 1000),
      audience: audiences[payload[20]],
    };
  }

  private mac(payload: Buffer): Buffer {
    return createHmac('sha256', this.key)
      .update('missing-profile-link:')
      .update(payload)
      .digest()
      .subarray(0, MAC_BYTES);
  }
}
