import { join } from 'node:path';
import type { Db } from '@tripwise/platform/db';
import type { Logger } from '@tripwise/platform/logger';
import type { Config } from './config.ts';
import { recordAudit } from './domain/audit.ts';
import { openKeyManager, type KeyManager } from './keys/key-manager.ts';
import { createMailTransport } from './mail/mail-transport.ts';
import { createMailWorker, type MailWorker } from './mail/mail-worker.ts';
import { createDataKey, type DataKey } from './secrets/data-key.ts';
import { readOrCreateSecretFile } from '@tripwise/platform/config';

const MINUTE = 60_000;

export type InfrastructureConfig = Pick<
  Config,
  | 'DATA_DIR'
  | 'AUTH_DATA_KEY'
  | 'SIGNING_KEYS_DIR'
  | 'SIGNING_KEY_ROTATION_DAYS'
  | 'ACCESS_TOKEN_TTL_SECONDS'
  | 'SMTP_URL'
  | 'MAIL_FROM'
  | 'MAIL_OUTBOX_DIR'
>;

/** The data key from configuration, or (embedded mode) generated on first start into the data folder. */
export async function loadDataKey(config: InfrastructureConfig): Promise<DataKey> {
  const key = config.AUTH_DATA_KEY
    ? Buffer.from(config.AUTH_DATA_KEY, 'base64')
    : await readOrCreateSecretFile(join(config.DATA_DIR, 'auth', 'secrets', 'data-key'), 32);
  return createDataKey(key);
}

export function openSigningKeys(config: InfrastructureConfig, db: Db, logger: Logger): Promise<KeyManager> {
  return openKeyManager({
    dir: config.SIGNING_KEYS_DIR ?? join(config.DATA_DIR, 'auth', 'keys'),
    logger,
    policy: {
      rotateAfterMs: config.SIGNING_KEY_ROTATION_DAYS * 24 * 60 * MINUTE,
      publishAheadMs: 15 * MINUTE, // above jose's default JWKS cache of 10 minutes
      retireAfterMs: config.ACCESS_TOKEN_TTL_SECONDS * 1000 + 5 * MINUTE,
    },
    onRotated: (event) => recordAudit(db, null, { event: 'key.rotated', details: { ...event } }),
  });
}

export function createMail(config: InfrastructureConfig, db: Db, logger: Logger): MailWorker {
  const transport = createMailTransport({
    smtpUrl: config.SMTP_URL,
    outboxDir: config.MAIL_OUTBOX_DIR ?? join(config.DATA_DIR, 'mail-outbox'),
    from: config.MAIL_FROM,
  });
  logger.info('mail ready', { transport: transport.kind });
  return createMailWorker({ db, transport, logger });
}
