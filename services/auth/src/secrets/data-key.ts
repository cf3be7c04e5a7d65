import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Everything the auth service keeps secret at rest derives from one 32-byte data key: an AES-256-GCM key for
 * TOTP secrets and parked successor tokens, and an HMAC key for backup codes. Subkeys are separate (HKDF), so
 * one use can never be turned against another.
 */
export interface DataKey {
  encrypt(plaintext: string): string;
  /** Throws when the ciphertext was altered or made with another key. */
  decrypt(ciphertext: string): string;
  /** A keyed hash, for values looked up by hash (backup codes). */
  mac(value: string): string;
}

const VERSION = 'v1';

export function createDataKey(key: Buffer): DataKey {
  if (key.length !== 32) throw new Error('The data key must be 32 bytes');
  const encKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'tripwise auth encryption', 32));
  const macKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'tripwise auth mac', 32));
  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [
        VERSION,
        iv.toString('base64url'),
        body.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
      ].join('.');
    },
    decrypt(ciphertext) {
      const [version, iv, body, tag] = ciphertext.split('.');
      if (version !== VERSION || !iv || body === undefined || !tag) throw new Error('Unknown ciphertext format');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    mac: (value) => createHmac('sha256', macKey).update(value).digest('hex'),
  };
}
