// A token's actor is kept for at most the recheck time; a revocation or a change made on this
// instance while a lookup of that token is in flight must not be undone by the lookup's answer
// (read before the change) being kept. The lookup is the database's in the service; here each one is
// answered by hand, so the order of answer and revocation is the test's.
import type { Actor } from '../../src/platform/auth/actor';
import { LiveActor, RecentActors } from '../../src/users/recent-actors';
import { ManualClock } from '../support/clock';

const actor: Actor = { userId: 'u1', authorityId: 'a1', role: 'social_worker', name: 'Sam Worker' };

function setUp() {
  const clock = new ManualClock('2026-11-23T10:00:00Z');
  const recent = new RecentActors(clock, 1000);
  const answers: ((live: LiveActor | null) => void)[] = [];
  let lookups = 0;
  const lookUp = () => {
    lookups += 1;
    return new Promise<LiveActor | null>((resolve) => answers.push(resolve));
  };
  const live = (expiresAt = new Date('2026-11-23T22:00:00Z')): LiveActor => ({ actor, expiresAt });
  /** The next ask goes to the database (its second lookup), which answers that the token is no longer live. */
  const looksUpAgain = async () => {
    const next = recent.actorOf('h', lookUp);
    expect(lookups).toBe(2);
    answers[1](null);
    expect(await next).toBeNull();
  };
  return { clock, recent, answers, lookUp, live, lookups: () => lookups, looksUpAgain };
}

it('looks a token up again once the recheck time has passed, not before', async () => {
  const { clock, recent, answers, lookUp, live, lookups, looksUpAgain } = setUp();
  const first = recent.actorOf('h', lookUp);
  answers[0](live());
  expect(await first).toEqual(actor);
  clock.advance(999);
  expect(await recent.actorOf('h', lookUp)).toEqual(actor);
  expect(lookups()).toBe(1);
  clock.advance(1);
  await looksUpAgain();
});

it('does not keep an answer that was in flight when the token was revoked here', async () => {
  const { recent, answers, lookUp, live, looksUpAgain } = setUp();
  const inFlight = recent.actorOf('h', lookUp);
  recent.forgetToken('h'); // the revocation commits while the lookup's answer is on its way
  answers[0](live());
  await inFlight;
  await looksUpAgain();
});

it('keeps an actor no longer than its token lives', async () => {
  const { clock, recent, answers, lookUp, live, looksUpAgain } = setUp();
  const first = recent.actorOf('h', lookUp);
  answers[0](live(new Date(clock.now().getTime() + 300)));
  await first;
  clock.advance(300);
  await looksUpAgain();
});

it('gives each caller its own copy of the actor', async () => {
  const { recent, answers, lookUp, live } = setUp();
  const first = recent.actorOf('h', lookUp);
  answers[0](live());
  (await first)!.language = 'cy';
  expect((await recent.actorOf('h', lookUp))!.language).toBeUndefined();
});
