// What a new password must be, after NCSC guidance: at least 12 characters, not on a list of common
// and breached passwords, and no composition rules (they lead to "Password1!"). The list ships with
// the service (zxcvbn-ts's 49,000 passwords from breaches), so checking needs no network.
import { readFileSync } from 'node:fs';

export const MIN_PASSWORD_LENGTH = 12;

const TOO_SHORT = `The password must be ${MIN_PASSWORD_LENGTH} characters or more`;
const TOO_COMMON =
  'The password is too easy to guess: it is a common password or has appeared in a data breach. ' +
  'Choose another, for example three random words';

const LIST = require.resolve('@zxcvbn-ts/language-common/src/passwords.json');
let common: Set<string> | undefined;
// Loaded on first use: passwords are set rarely, and the list costs a few megabytes of memory.
function commonPasswords(): Set<string> {
  common ??= new Set(JSON.parse(readFileSync(LIST, 'utf8')) as string[]);
  return common;
}

/** Why this password cannot be used, or undefined when it can. */
export function newPasswordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return TOO_SHORT;
  return isCommon(password.toLowerCase()) ? TOO_COMMON : undefined;
}

function isCommon(password: string): boolean {
  const list = commonPasswords();
  if (list.has(password)) return true;
  // The usual ways to stretch a listed password past 12 characters: digits or symbols around it
  // ("iloveyou1234"), or one short piece repeated ("aaaaaaaaaaaa", "passwordpassword").
  const core = password.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (core !== password && list.has(core)) return true;
  const repeated = /^(.+?)\1+$/su.exec(password)?.[1];
  return repeated !== undefined && (repeated.length <= 4 || list.has(repeated));
}
