// A clock tests move by hand, so escalations and expiries are tested without sleeping.
import type { Clock } from '../../src/platform/clock';

/**
 * The instant every test app's clock starts at, and the demo data in the template database was
 * loaded at. One fixed instant (a Monday morning, London on GMT) so that no result depends on the
 * hour or the day the suite happens to run: a chase "once a day" or a working-day deadline must not
 * pass at 10:00 and fail at midnight. TEST_CLOCK_START runs the whole suite at another instant, to
 * check that nothing depends on this one; it must not be later than the real time, because the
 * tests that start whole service processes run them on the system clock over this demo data.
 */
export function testClockStart(): Date {
  const start = new Date(process.env.TEST_CLOCK_START ?? '2026-11-23T10:00:00Z');
  if (Number.isNaN(start.getTime())) throw new Error(`TEST_CLOCK_START is not a date: ${process.env.TEST_CLOCK_START}`);
  return start;
}

export class ManualClock implements Clock {
  private current: Date;
  constructor(start: Date | string = '2026-11-23T02:00:00Z') {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): Date {
    this.current = new Date(this.current.getTime() + ms);
    return this.now();
  }
  advanceMinutes(m: number): Date {
    return this.advance(m * 60_000);
  }
  advanceHours(h: number): Date {
    return this.advance(h * 3_600_000);
  }
}
