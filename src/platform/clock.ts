// Every rule that depends on time asks a Clock, so tests can move time instead of sleeping.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
