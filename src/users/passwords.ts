// argon2id password hashing (OWASP's first choice). The dummy hash lets a sign-in for an unknown
// email cost the same time as a real one, so timing does not reveal which emails exist.
import { hash, verify } from '@node-rs/argon2';

const ARGON2ID = 2; // Algorithm.Argon2id; a const enum cannot be imported under isolatedModules

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
export async function burnVerification(password: string): Promise<void> {
  dummy ??= hashPassword('not-a-real-password-for-timing-only');
  await verifyPassword(await dummy, password);
}
