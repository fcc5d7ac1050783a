// Which provider failures are worth retrying, and how long to wait before the next attempt.
import { asDeliveryError } from '../../src/notifications/providers/delivery-error';
import { classifySmtpError } from '../../src/notifications/providers/smtp-email.provider';
import { classifyTwilioError } from '../../src/notifications/providers/twilio-sms.provider';
import { retryDelayMs, shouldRetry } from '../../src/notifications/retry-policy';

describe('classifyTwilioError', () => {
  it.each([
    [{ status: 500, code: 20500 }, 'transient'],
    [{ status: 503 }, 'transient'],
    [{ status: 429, code: 20429 }, 'transient'],
    [{ status: 400, code: 21211 }, 'permanent'],
    [{ status: 400, code: 21610 }, 'permanent'],
    [{ status: 401, code: 20003 }, 'permanent'],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'transient'],
    [Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'transient'],
    [Object.assign(new Error('timeout of 500ms exceeded'), { code: 'ECONNABORTED' }), 'transient'],
    [new Error('something odd'), 'transient'],
  ])('%p is %s', (err, kind) => {
    expect(classifyTwilioError(err).kind).toBe(kind);
  });

  it("describes the failure without repeating Twilio's message, which can contain the number", () => {
    expect(
      classifyTwilioError({ status: 400, code: 21211, message: "The 'To' number +447700900204 is not valid" }).message,
    ).toBe('Twilio answered 400 (error 21211)');
  });
});

describe('classifySmtpError', () => {
  it.each([
    [{ responseCode: 421 }, 'transient'],
    [{ responseCode: 451 }, 'transient'],
    [{ responseCode: 550 }, 'permanent'],
    [{ responseCode: 553 }, 'permanent'],
    [{ code: 'ECONNECTION' }, 'transient'],
    [{ code: 'ETIMEDOUT' }, 'transient'],
  ])('%p is %s', (err, kind) => {
    expect(classifySmtpError(err).kind).toBe(kind);
  });
});

describe('retry policy', () => {
  const policy = { maxAttempts: 6, baseDelayMs: 5000 };

  it.each([
    [1, 5000],
    [2, 10_000],
    [3, 20_000],
    [5, 80_000],
  ])('after %i failed attempts waits between half of and %i ms', (attempts, ceiling) => {
    expect(retryDelayMs(attempts, policy, () => 0)).toBe(ceiling / 2);
    expect(retryDelayMs(attempts, policy, () => 1)).toBe(ceiling);
  });

  it('never waits longer than the cap', () => {
    expect(retryDelayMs(30, policy, () => 1)).toBe(15 * 60_000);
  });

  it('retries until the maximum number of attempts has been made', () => {
    expect(shouldRetry(5, policy)).toBe(true);
    expect(shouldRetry(6, policy)).toBe(false);
  });
});

describe('unexpected provider errors', () => {
  it('are retried, and keep no phone number or email address', () => {
    const error = asDeliveryError(
      new Error('Recipient <duty@example.org> and +44 7700 900123 refused; timeout of 2000ms exceeded'),
    );
    expect(error.kind).toBe('transient');
    expect(error.message).toBe('Recipient <[address]> and [number] refused; timeout of 2000ms exceeded');
  });
});
