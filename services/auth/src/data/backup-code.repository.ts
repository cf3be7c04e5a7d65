import type { Queryable } from '@tripwise/platform/db';

/** Replaces every backup code of a user: regenerating voids the old ones. */
export async function replaceBackupCodes(db: Queryable, userId: string, codeHashes: string[]): Promise<void> {
  await db.query('DELETE FROM backup_codes WHERE user_id = $1', [userId]);
  for (const hash of codeHashes) {
    await db.query('INSERT INTO backup_codes (user_id, code_hash) VALUES ($1, $2)', [userId, hash]);
  }
}

/** Uses a code if it exists and is unused, in one statement: two requests with the same code cannot both win. */
export async function useBackupCode(db: Queryable, userId: string, codeHash: string): Promise<boolean> {
  const { rowCount } = await db.query(
    'UPDATE backup_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING user_id',
    [userId, codeHash],
  );
  return rowCount > 0;
}

export async function countUnusedBackupCodes(db: Queryable, userId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM backup_codes WHERE user_id = $1 AND used_at IS NULL',
    [userId],
  );
  return rows[0]?.n ?? 0;
}

export async function deleteBackupCodes(db: Queryable, userId: string): Promise<void> {
  await db.query('DELETE FROM backup_codes WHERE user_id = $1', [userId]);
}
