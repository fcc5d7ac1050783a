// Signed missing-profile links: they verify untouched and unexpired, and refuse anything else.
import { SignedLinks } from '../../src/escalation/signed-link';
import { Unauthorized } from '../../src/platform/errors';

const links = new SignedLinks('s'.repeat(40), 'https://alerts.example.org', 7);
const now = new Date('2026-11-23T02:00:00Z');
const episodeId = '0b7c6a52-8f3e-4d1a-9c2b-5e6f7a8b9c0d';
const token = (url: string) => url.split('/p/')[1];

describe('signed links', () => {
  it('round-trips the episode, audience and expiry in 40 characters', () => {
    const { expiresAt } = links.claim('police', now);
    const url = links.url(episodeId, { audience: 'police', expiresAt });
    expect(url).toMatch(/^https:\/\/alerts\.example\.org\/p\/[A-Za-z0-9_-]{40}$/);
    expect(token(url)).toHaveLength(40);
    expect(links.verify(token(url), now)).toEqual({ episodeId, audience: 'police', expiresAt });
    expect(expiresAt).toEqual(new Date('2026-11-30T02:00:00Z'));
  });

  it('refuses a token with any character changed', () => {
    const t = token(links.url(episodeId, links.claim('ceop', now)));
    for (let i = 0; i < t.length; i++) {
      const changed = t.slice(0, i) + (t[i] === 'A' ? 'B' : 'A') + t.slice(i + 1);
      expect(() => links.verify(changed, now)).toThrow(Unauthorized);
    }
  });

  it('refuses an expired token and one signed with another secret', () => {
    const t = token(links.url(episodeId, links.claim('police', now)));
    expect(() => links.verify(t, new Date('2026-11-30T02:00:00Z'))).toThrow(
      'This link has expired. Ask the duty team for a new one.',
    );
    const other = new SignedLinks('o'.repeat(40), 'https://alerts.example.org', 7);
    expect(() => other.verify(t, now)).toThrow('This link is not valid.');
    expect(() => links.verify('short', now)).toThrow(Unauthorized);
  });

  it('signs at send the link a queued message names, the same link whenever it is sent', () => {
    const data = { childRef: 'K7Q2', linkAudience: 'ceop', linkExpiresAt: '2026-11-30T02:00:00.000Z' };
    const { link } = links.atSend({ episodeId, data });
    expect(link).toBe(links.url(episodeId, links.claim('ceop', now)));
    expect(links.verify(token(link!), now)).toEqual({
      episodeId,
      audience: 'ceop',
      expiresAt: new Date('2026-11-30T02:00:00Z'),
    });
    expect(links.atSend({ episodeId, data: JSON.parse(JSON.stringify(data)) })).toEqual({ link });
  });

  it('signs nothing for data that names no link, another audience, no expiry, or no episode', () => {
    const named = { linkAudience: 'police', linkExpiresAt: '2026-11-30T02:00:00.000Z' };
    expect(links.atSend({ episodeId, data: { childRef: 'K7Q2' } })).toEqual({});
    expect(links.atSend({ episodeId, data: null })).toEqual({});
    expect(links.atSend({ episodeId, data: { ...named, linkAudience: 'public' } })).toEqual({});
    expect(links.atSend({ episodeId, data: { ...named, linkExpiresAt: 'soon' } })).toEqual({});
    expect(links.atSend({ episodeId: null, data: named })).toEqual({});
  });
});
