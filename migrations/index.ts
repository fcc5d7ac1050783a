// Every migration, in order. Listed explicitly so the same list works from TypeScript and from dist/.
import { Foundation1732300000000 } from './1732300000000-foundation';
import { Notifications1732300000001 } from './1732300000001-notifications';
import { MissingEpisodes1732300000300 } from './1732300000300-missing-episodes';

export const migrations = [Foundation1732300000000, Notifications1732300000001, MissingEpisodes1732300000300];
