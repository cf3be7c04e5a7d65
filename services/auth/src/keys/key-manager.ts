import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Logger } from '@tripwise/platform/logger';
import { planKeyset, signingKey, type Keyset, type RotationPolicy, type StoredKey } from './keyset.ts';

export interface KeyManager {
  /** The key to sign with now, as a usable private key. */
  current(): Promise<{ kid: string; privateKey: CryptoKey }>;
  /** Public keys to publish: the signing key, the next one, and replaced ones still in use. */
  publicJwks(): JWK[];
  /** Re-reads the keyset (other instances may have rotated) and rotates if due. */
  refresh: () => Promise<void>;
  /** How often the service runs `refresh` (a background task). */
  refreshEveryMs: number;
}

const KEYSET_FILE = 'keyset.json';
const REFRESH_INTERVAL_MS = 60_000;

async function newKey(now: number, activatesAt: number): Promise<StoredKey> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
  return { kid, alg: 'EdDSA', createdAt: now, activatesAt, privateJwk: await exportJWK(privateKey), publicJwk };
}

async function readKeyset(dir: string): Promise<Keyset> {
  try {
    return JSON.parse(await readFile(join(dir, KEYSET_FILE), 'utf8')) as Keyset;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { keys: [] };
    throw err;
  }
}

async function writeKeyset(dir: string, keyset: Keyset): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temporary = join(dir, `${KEYSET_FILE}.${process.pid}.tmp`);
  await writeFile(temporary, JSON.stringify(keyset, null, 2), { mode: 0o600 });
  await rename(temporary, join(dir, KEYSET_FILE)); // readers see the old file or the new one, never half
}

/**
 * Keeps the signing keyset in a folder (generated on first start; mount the same folder into every instance).
 * Every minute it re-reads the folder, adds a successor when the signing key is old, and drops keys whose tokens
 * have all expired. A new key is published `publishAheadMs` before it signs, so if two instances both add one,
 * the loser's never signs: both re-read the folder long before activation.
 */
export async function openKeyManager(options: {
  dir: string;
  policy: RotationPolicy;
  logger: Logger;
  onRotated?: (event: { kid: string; activatesAt: number; retired: string[] }) => Promise<void>;
  now?: () => number;
}): Promise<KeyManager> {
  const now = options.now ?? Date.now;
  let keyset: Keyset = { keys: [] };
  const imported = new Map<string, CryptoKey>();

  const refresh = async () => {
    const plan = planKeyset(await readKeyset(options.dir), now(), options.policy);
    keyset = plan.keyset;
    if (!plan.changed) return;
    let added: StoredKey | undefined;
    if (plan.needsNewKey) {
      const first = keyset.keys.length === 0;
      added = await newKey(now(), first ? now() : now() + options.policy.publishAheadMs);
      keyset = { keys: [...keyset.keys, added] };
    }
    await writeKeyset(options.dir, keyset);
    options.logger.info('signing keyset updated', { added: added?.kid, retired: plan.retired });
    if (added) await options.onRotated?.({ kid: added.kid, activatesAt: added.activatesAt, retired: plan.retired });
  };
  await refresh();

  return {
    async current() {
      const key = signingKey(keyset, now());
      if (!key) throw new Error('No signing key is active');
      let privateKey = imported.get(key.kid);
      if (!privateKey) {
        privateKey = (await importJWK(key.privateJwk, 'EdDSA')) as CryptoKey;
        imported.set(key.kid, privateKey);
      }
      return { kid: key.kid, privateKey };
    },
    publicJwks: () => keyset.keys.map((k) => k.publicJwk),
    refresh,
    refreshEveryMs: REFRESH_INTERVAL_MS,
  };
}
