import type { JWK } from 'jose';

export interface StoredKey {
  kid: string;
  alg: 'EdDSA';
  createdAt: number;
  /** Signing starts here; before it the key is only published, so every verifier's JWKS cache has it. */
  activatesAt: number;
  privateJwk: JWK;
  publicJwk: JWK;
}

export interface Keyset {
  keys: StoredKey[];
}

export interface RotationPolicy {
  /** Age at which the signing key gets a successor. */
  rotateAfterMs: number;
  /** How far ahead of signing a new key is published: above the verifiers' JWKS cache lifetime (10 min). */
  publishAheadMs: number;
  /** Longest access-token lifetime plus clock skew: how long a replaced key stays published. */
  retireAfterMs: number;
}

export interface KeysetPlan {
  keyset: Keyset;
  /** True when the keyset must be written back. */
  changed: boolean;
  needsNewKey: boolean;
  retired: string[];
}

/** The key that signs now: the newest already active. */
export function signingKey(keyset: Keyset, now: number): StoredKey | undefined {
  return keyset.keys.filter((k) => k.activatesAt <= now).sort((a, b) => b.activatesAt - a.activatesAt)[0];
}

/**
 * Decides what the keyset needs at `now`, without side effects: a first key, a successor for an old one, and
 * which replaced keys have outlived every token they signed. Rotation logs nobody out because a key is
 * published long before it signs and kept until its last token has expired.
 */
export function planKeyset(keyset: Keyset, now: number, policy: RotationPolicy): KeysetPlan {
  const byActivation = [...keyset.keys].sort((a, b) => a.activatesAt - b.activatesAt);
  const retired = byActivation
    .filter((key, i) => {
      const successor = byActivation[i + 1];
      return (
        successor !== undefined && successor.activatesAt <= now && now - successor.activatesAt > policy.retireAfterMs
      );
    })
    .map((k) => k.kid);
  const kept = byActivation.filter((k) => !retired.includes(k.kid));
  const newest = kept[kept.length - 1];
  const needsNewKey =
    newest === undefined || (newest.activatesAt <= now && now - newest.activatesAt >= policy.rotateAfterMs);
  return { keyset: { keys: kept }, changed: retired.length > 0 || needsNewKey, needsNewKey, retired };
}
