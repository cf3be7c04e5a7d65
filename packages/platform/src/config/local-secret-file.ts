import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Reads a secret generated on first start, creating it (owner-only permissions) if it does not exist yet. Used
 * only in the embedded mode; several instances must be given the same secret through configuration.
 */
export async function readOrCreateSecretFile(path: string, bytes: number): Promise<Buffer> {
  try {
    return Buffer.from((await readFile(path, 'utf8')).trim(), 'base64');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const secret = randomBytes(bytes);
  try {
    // 'wx' fails if another process created it first; then we read theirs.
    await writeFile(path, secret.toString('base64'), { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return Buffer.from((await readFile(path, 'utf8')).trim(), 'base64');
  }
}

/**
 * The credential Tripwise services show each other on `/internal/...` routes: from configuration (production), or
 * generated on first start into the shared data folder (embedded mode, where every process has the same DATA_DIR).
 */
export async function loadServiceToken(config: {
  INTERNAL_SERVICE_TOKEN?: string | undefined;
  DATA_DIR: string;
}): Promise<string> {
  if (config.INTERNAL_SERVICE_TOKEN) return config.INTERNAL_SERVICE_TOKEN;
  return (await readOrCreateSecretFile(join(config.DATA_DIR, 'internal', 'service-token'), 32)).toString('base64url');
}
