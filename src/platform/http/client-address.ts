// The client's address, the one the rate limits, the audit trail and the request log all use. Behind
// a load balancer the socket's peer is the balancer, so X-Forwarded-For is read, but only when the
// peer is one of TRUSTED_PROXIES: anyone else can write any address they like in that header.
import { BlockList, isIP } from 'node:net';

/** What this needs of a hapi request (the request log passes the same object). */
export interface AddressedRequest {
  info: { remoteAddress?: string };
  headers: Record<string, unknown>;
  server: { app: { config: { trustedProxies: readonly string[] } } };
}

/** An address as written in a header or by the socket, without port or brackets; null if it is not one. */
export function plainAddress(raw: string | undefined): string | null {
  if (!raw) return null;
  const value = raw
    .trim()
    .replace(/^\[([^\]]+)\](?::\d+)?$/, '$1')
    .replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/, '$1');
  if (!isIP(value)) return null;
  // A dual-stack socket shows an IPv4 client as ::ffff:a.b.c.d; one client, one form.
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value);
  return mapped ? mapped[1] : value;
}

const familyOf = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** The trusted proxies as a matcher; each entry is an address or a CIDR range (validated by config). */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [network, prefix] = entry.split('/');
    const address = plainAddress(network);
    if (!address) throw new Error(`Not an IP address or range: ${entry}`);
    if (prefix === undefined) list.addAddress(address, familyOf(address));
    else list.addSubnet(address, Number(prefix), familyOf(address));
  }
  return list;
}

/**
 * The socket's peer, unless it is a trusted proxy: then the right-most X-Forwarded-For hop that is not
 * itself a trusted proxy (hops to its left were written by the client and prove nothing). A hop that
 * is not an address stops the walk at the last proxy we trust.
 */
export function clientAddressFrom(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: BlockList,
): string | null {
  let address = plainAddress(peer);
  if (!address) return peer ?? null;
  const isTrusted = (a: string) => trusted.check(a, familyOf(a));
  if (!isTrusted(address)) return address;
  const hops = ([] as string[])
    .concat(forwardedFor ?? [])
    .join(',')
    .split(',')
    .filter((hop) => hop.trim() !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plainAddress(hops[i]);
    if (!hop) return address;
    address = hop;
    if (!isTrusted(hop)) return hop;
  }
  return address;
}

// Built once per configured list, not per request.
const matchers = new WeakMap<readonly string[], BlockList>();

export function clientAddress(request: AddressedRequest): string | null {
  const entries = request.server.app.config.trustedProxies;
  // No proxy trusted (the usual set-up without a load balancer): the socket's peer, with no list to ask.
  if (!entries.length) return plainAddress(request.info.remoteAddress) ?? request.info.remoteAddress ?? null;
  let trusted = matchers.get(entries);
  if (!trusted) matchers.set(entries, (trusted = trustedProxyList(entries)));
  const forwardedFor = request.headers['x-forwarded-for'];
  return clientAddressFrom(
    request.info.remoteAddress,
    typeof forwardedFor === 'string' || Array.isArray(forwardedFor) ? forwardedFor : undefined,
    trusted,
  );
}
