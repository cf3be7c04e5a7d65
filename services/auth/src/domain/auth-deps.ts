import type { Db } from '@tripwise/platform/db';
import type { KvStore } from '@tripwise/platform/kv';
import type { Logger } from '@tripwise/platform/logger';
import type { KeyManager } from '../keys/key-manager.ts';
import type { DataKey } from '../secrets/data-key.ts';
import type { AccessTokenSettings } from './tokens/access-token.ts';
import type { SessionStore } from './sessions/session.store.ts';

/** Everything the auth use cases work with; built once in app.ts. */
export interface AuthDeps {
  db: Db;
  kv: KvStore;
  sessions: SessionStore;
  keys: KeyManager;
  dataKey: DataKey;
  logger: Logger;
  accessToken: AccessTokenSettings;
  publicUrl: string;
  /** Attempts allowed per client address in each window. */
  ipLimits: {
    loginsPer5Minutes: number;
    registrationsPerHour: number;
    emailRequestsPer15Minutes: number;
    /** Verification and reset links followed from one address. */
    emailLinkUsesPer15Minutes: number;
  };
  /** Wakes the mail worker after a transaction queued mail. */
  mailQueued: () => void;
  now: () => number;
  /** Tells search an owner's account was deleted, so their listings leave search (absent: nobody to tell). */
  ownerDeleted?: ((ownerId: string) => Promise<void>) | undefined;
}
