// A clock tests move by hand, so escalations and expiries are tested without sleeping.
import type { Clock } from '../../src/platform/clock';

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
  advanceMinutes(m: number): Date { return this.advance(m * 60_000); }
  advanceHours(h: number): Date { return this.advance(h * 3_600_000); }
}
