import type { Queryable } from '@tripwise/platform/db';

export type EmailTokenPurpose = 'verify_email' | 'reset_password';

export async function insertEmailToken(
  db: Queryable,
  token: { hash: string; userId: string; purpose: EmailTokenPurpose; expiresAt: Date; passwordChangedAt?: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO email_tokens (token_hash, user_id, purpose, expires_at, password_changed_at) VALUES ($1, $2, $3, $4, $5)`,
    [token.hash, token.userId, token.purpose, token.expiresAt, token.passwordChangedAt ?? null],
  );
}

/**
 * Uses a token: it must exist, be unused, unexpired and of this purpose. Using it also voids every other
 * outstanding token of the same user and purpose. Returns the user id and the password time it was bound to.
 */
export async function consumeEmailToken(
  db: Queryable,
  hash: string,
  purpose: EmailTokenPurpose,
): Promise<{ userId: string; passwordChangedAt: Date | null } | undefined> {
  const { rows } = await db.query<{ user_id: string; password_changed_at: Date | null }>(
    `UPDATE email_tokens SET used_at = now()
     WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
     RETURNING user_id, password_changed_at`,
    [hash, purpose],
  );
  const row = rows[0];
  if (!row) return undefined;
  await db.query(`UPDATE email_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, [
    row.user_id,
    purpose,
  ]);
  return { userId: row.user_id, passwordChangedAt: row.password_changed_at };
}

/** Looks a token up without using it (to check what else the request needs first). */
export async function findUsableEmailToken(
  db: Queryable,
  hash: string,
  purpose: EmailTokenPurpose,
): Promise<{ userId: string; passwordChangedAt: Date | null } | undefined> {
  const { rows } = await db.query<{ user_id: string; password_changed_at: Date | null }>(
    `SELECT user_id, password_changed_at FROM email_tokens
     WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()`,
    [hash, purpose],
  );
  return rows[0] && { userId: rows[0].user_id, passwordChangedAt: rows[0].password_changed_at };
}
