import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
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
  // Written whole to a file of our own, then linked into place: link() fails if another process got there first,
  // and nobody ever reads a created-but-not-yet-written file (services start side by side on a fresh data folder).
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(draft, secret.toString('base64'), { mode: 0o600, flag: 'wx' });
  try {
    await link(draft, path);
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return Buffer.from((await readFile(path, 'utf8')).trim(), 'base64');
  } finally {
    await rm(draft, { force: true });
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
