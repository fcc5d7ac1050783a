// The client's address: X-Forwarded-For believed only through trusted proxies, right-most hop first.
import { clientAddressFrom, plainAddress, trustedProxyList } from '../../src/platform/http/client-address';

const trusted = trustedProxyList(['10.0.0.0/8', '192.0.2.1', 'fd00::/8']);

it.each([
  ['an untrusted peer: its header is ignored', '203.0.113.9', '198.51.100.7', '203.0.113.9'],
  ['an untrusted peer without a header', '203.0.113.9', undefined, '203.0.113.9'],
  ['a trusted proxy: the client it saw', '10.1.2.3', '198.51.100.7', '198.51.100.7'],
  [
    'a trusted proxy: hops a client wrote to the left prove nothing',
    '10.1.2.3',
    '1.1.1.1, 198.51.100.7',
    '198.51.100.7',
  ],
  ['two trusted proxies in a row', '10.1.2.3', '1.1.1.1, 198.51.100.7, 192.0.2.1', '198.51.100.7'],
  ['every hop a proxy of ours: the furthest', '10.1.2.3', '10.0.0.5, 192.0.2.1', '10.0.0.5'],
  ['a trusted proxy with no header: the proxy', '10.1.2.3', undefined, '10.1.2.3'],
  ['a hop that is not an address stops at the last trusted one', '10.1.2.3', '198.51.100.7, not-an-ip', '10.1.2.3'],
  ['headers sent twice are read as one list', '10.1.2.3', ['1.1.1.1', '198.51.100.7'], '198.51.100.7'],
  ['a dual-stack socket address is the IPv4 client', '::ffff:10.1.2.3', '::ffff:198.51.100.7', '198.51.100.7'],
  ['ports and brackets are dropped', '10.1.2.3', '[2001:db8::1]:443, 198.51.100.7:5123', '198.51.100.7'],
  ['an IPv6 proxy range', 'fd12::1', '2001:db8::1', '2001:db8::1'],
  ['an address outside the ranges is not trusted', '11.0.0.1', '198.51.100.7', '11.0.0.1'],
])('%s', (_name, peer, forwarded, expected) => {
  expect(clientAddressFrom(peer, forwarded, trusted)).toBe(expected);
});

it('trusts nobody when no proxies are configured', () => {
  expect(clientAddressFrom('127.0.0.1', '198.51.100.7', trustedProxyList([]))).toBe('127.0.0.1');
});

it('reads only real addresses', () => {
  expect([
    plainAddress('1.2.3.4'),
    plainAddress(' 1.2.3.4:80 '),
    plainAddress('[::1]'),
    plainAddress('999.1.1.1'),
    plainAddress(''),
  ]).toEqual(['1.2.3.4', '1.2.3.4', '::1', null, null]);
});
