import { hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id floor (m=19 MiB, t=2, p=1); hashes made with less are upgraded at the next sign-in. */
export const ARGON2_PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false; // a malformed stored hash matches nothing
  }
}

/** True when the stored hash was made with weaker parameters than today's (or another algorithm). */
export function needsRehash(storedHash: string): boolean {
  const match = PHC.exec(storedHash);
  if (!match) return true;
  const [, m, t, p] = match.map(Number);
  return m! < ARGON2_PARAMS.memoryCost || t! < ARGON2_PARAMS.timeCost || p! < ARGON2_PARAMS.parallelism;
}

// A real hash of a random password, made once: verifying against it costs what a real verify costs, so an
// unknown email takes as long to refuse as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function verifyDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}`);
  await verifyPassword(await dummyHash, password);
}
