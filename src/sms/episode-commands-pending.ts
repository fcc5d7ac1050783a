// TEMPORARY until the missing-episodes module lands on this branch: every episode command fails,
// so a carer's MISSING text gets the "phone the duty team" reply and is queued for a person.
import type { CarerCommands } from './sms-commands';

const unavailable = async (): Promise<never> => { throw new Error('missing episodes are not available in this build'); };
export const episodeCommandsPending: CarerCommands = { reportMissing: unavailable, recordReturn: unavailable, acknowledge: async () => null };
