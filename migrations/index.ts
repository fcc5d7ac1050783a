// Every migration, in order. Listed explicitly so the same list works from TypeScript and from dist/.
import { Foundation1732300000000 } from './1732300000000-foundation';

export const migrations = [Foundation1732300000000];
