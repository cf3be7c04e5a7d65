import type { Role } from '@tripwise/platform/auth';
import type { Queryable } from '@tripwise/platform/db';
import type { Preferences, ProfilePatch } from '@tripwise/contracts';

export interface Profile {
  firstName: string | null;
  lastName: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  phone: string | null;
  profileImageUrl: string | null;
  preferences: Preferences;
}

export interface User {
  id: string;
  email: string;
  passwordHash: string | null;
  role: Role;
  profile: Profile;
  emailVerifiedAt: Date | null;
  disabledAt: Date | null;
  passwordChangedAt: Date;
  totpSecretEnc: string | null;
  totpPendingSecretEnc: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: number | null;
  createdAt: Date;
  updatedAt: Date;
}

interface UserRow {
  id: string;
  email: string;
  password_hash: string | null;
  role: Role;
  first_name: string | null;
  last_name: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  phone: string | null;
  profile_image_url: string | null;
  preferences: Preferences;
  email_verified_at: Date | null;
  disabled_at: Date | null;
  password_changed_at: Date;
  totp_secret_enc: string | null;
  totp_pending_secret_enc: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
  created_at: Date;
  updated_at: Date;
}

function toUser(r: UserRow): User {
  return {
    id: r.id,
    email: r.email,
    passwordHash: r.password_hash,
    role: r.role,
    profile: {
      firstName: r.first_name,
      lastName: r.last_name,
      address: r.address,
      city: r.city,
      state: r.state,
      zip: r.zip,
      phone: r.phone,
      profileImageUrl: r.profile_image_url,
      preferences: r.preferences,
    },
    emailVerifiedAt: r.email_verified_at,
    disabledAt: r.disabled_at,
    passwordChangedAt: r.password_changed_at,
    totpSecretEnc: r.totp_secret_enc,
    totpPendingSecretEnc: r.totp_pending_secret_enc,
    totpEnabledAt: r.totp_enabled_at,
    totpLastStep: r.totp_last_step,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findUserByEmail(db: Queryable, email: string): Promise<User | undefined> {
  const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE lower(email) = lower($1)', [email]);
  return rows[0] && toUser(rows[0]);
}

export async function findUserById(db: Queryable, id: string): Promise<User | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined; // not a uuid: no such user, and no SQL error
  const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
  return rows[0] && toUser(rows[0]);
}

/** Inserts unless the email is taken (then returns undefined): one statement, no race between check and insert. */
export async function insertUser(
  db: Queryable,
  user: { email: string; passwordHash: string | null; role: Role; firstName?: string | undefined; lastName?: string | undefined; verified?: boolean },
): Promise<User | undefined> {
  const { rows } = await db.query<UserRow>(
    `INSERT INTO users (email, password_hash, role, first_name, last_name, email_verified_at)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $6 THEN now() END)
     ON CONFLICT (lower(email)) DO NOTHING RETURNING *`,
    [user.email, user.passwordHash, user.role, user.firstName ?? null, user.lastName ?? null, user.verified ?? false],
  );
  return rows[0] && toUser(rows[0]);
}

const PROFILE_COLUMNS: Record<Exclude<keyof ProfilePatch, 'preferences'>, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  address: 'address',
  city: 'city',
  state: 'state',
  zip: 'zip',
  phone: 'phone',
  profileImageUrl: 'profile_image_url',
};

/** Applies only the attributes present in the patch; preferences merge into the saved ones. */
export async function updateProfile(db: Queryable, id: string, patch: ProfilePatch): Promise<User | undefined> {
  const sets: string[] = [];
  const values: unknown[] = [id];
  for (const [key, column] of Object.entries(PROFILE_COLUMNS)) {
    const value = patch[key as keyof typeof PROFILE_COLUMNS];
    if (value === undefined) continue;
    values.push(value);
    sets.push(`${column} = $${values.length}`);
  }
  if (patch.preferences) {
    values.push(JSON.stringify(patch.preferences));
    // Merged into what is saved; a null in the change removes that preference.
    sets.push(`preferences = jsonb_strip_nulls(preferences || $${values.length}::jsonb)`);
  }
  sets.push('updated_at = now()');
  const { rows } = await db.query<UserRow>(`UPDATE users SET ${sets.join(', ')} WHERE id = $1 RETURNING *`, values);
  return rows[0] && toUser(rows[0]);
}

export async function setPassword(db: Queryable, id: string, passwordHash: string): Promise<void> {
  await db.query(
    `UPDATE users SET password_hash = $2, password_changed_at = clock_timestamp(), updated_at = now() WHERE id = $1`,
    [id, passwordHash],
  );
}

/** A stronger hash of the same password: not a password change, so reset links stay valid. */
export async function upgradePasswordHash(db: Queryable, id: string, passwordHash: string): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
}

export async function markEmailVerified(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE users SET email_verified_at = coalesce(email_verified_at, now()), updated_at = now() WHERE id = $1', [id]);
}

export async function setRole(db: Queryable, id: string, role: Role): Promise<void> {
  await db.query('UPDATE users SET role = $2, updated_at = now() WHERE id = $1', [id, role]);
}

export async function setDisabled(db: Queryable, id: string, disabled: boolean): Promise<void> {
  await db.query(
    `UPDATE users SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) END, updated_at = now() WHERE id = $1`,
    [id, disabled],
  );
}

export async function deleteUser(db: Queryable, id: string): Promise<boolean> {
  return (await db.query('DELETE FROM users WHERE id = $1', [id])).rowCount > 0;
}

export async function setPendingTotpSecret(db: Queryable, id: string, secretEnc: string | null): Promise<void> {
  await db.query('UPDATE users SET totp_pending_secret_enc = $2, updated_at = now() WHERE id = $1', [id, secretEnc]);
}

export async function enableTotp(db: Queryable, id: string, secretEnc: string, step: number): Promise<void> {
  await db.query(
    `UPDATE users SET totp_secret_enc = $2, totp_pending_secret_enc = NULL, totp_enabled_at = now(),
       totp_last_step = $3, updated_at = now() WHERE id = $1`,
    [id, secretEnc, step],
  );
}

export async function disableTotp(db: Queryable, id: string): Promise<void> {
  await db.query(
    `UPDATE users SET totp_secret_enc = NULL, totp_pending_secret_enc = NULL, totp_enabled_at = NULL,
       totp_last_step = NULL, updated_at = now() WHERE id = $1`,
    [id],
  );
}

/** Records a used TOTP step only if it is newer than the last: a code can never be accepted twice, even in a race. */
export async function claimTotpStep(db: Queryable, id: string, step: number): Promise<boolean> {
  const { rowCount } = await db.query(
    'UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id',
    [id, step],
  );
  return rowCount > 0;
}

export interface UserPage {
  users: (User & { lastSignInAt: Date | null })[];
  nextCursor: string | null;
  /** Exact up to the cap the caller gave. */
  total: number;
}

export interface UserSearch {
  q?: string | undefined;
  role?: Role | undefined;
  /** active: can sign in and verified; locked: disabled by an admin; unverified: email not confirmed yet. */
  status?: 'active' | 'locked' | 'unverified' | undefined;
  twoFactor?: 'on' | 'off' | undefined;
  sort: 'createdAt' | 'email' | 'lastSignInAt';
  order: 'asc' | 'desc';
  limit: number;
  cursor?: { v: string | null; id: string } | undefined;
  totalCap: number;
}

// When each user last signed in: their latest successful sign-in in the audit log (its user index finds it).
const LAST_SIGN_IN = `(SELECT max(a.occurred_at) FROM audit_events a WHERE a.user_id = u.id AND a.event = 'login.succeeded')`;
const SORT = {
  createdAt: { expr: 'u.created_at', type: 'timestamptz' },
  email: { expr: 'lower(u.email)', type: 'text' },
  // Never signed in sorts as the earliest of all.
  lastSignInAt: { expr: `coalesce(${LAST_SIGN_IN}, '-infinity'::timestamptz)`, type: 'timestamptz' },
} as const;

function userFilters(query: UserSearch, values: unknown[]): string[] {
  const where: string[] = [];
  if (query.q) {
    values.push(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(u.email ILIKE $${values.length} OR (coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')) ILIKE $${values.length})`);
  }
  if (query.role) {
    values.push(query.role);
    where.push(`u.role = $${values.length}`);
  }
  if (query.status === 'locked') where.push('u.disabled_at IS NOT NULL');
  if (query.status === 'active') where.push('u.disabled_at IS NULL AND u.email_verified_at IS NOT NULL');
  if (query.status === 'unverified') where.push('u.disabled_at IS NULL AND u.email_verified_at IS NULL');
  if (query.twoFactor === 'on') where.push('u.totp_enabled_at IS NOT NULL');
  if (query.twoFactor === 'off') where.push('u.totp_enabled_at IS NULL');
  return where;
}

/** Admin search by email or name, role, status and 2FA, in the asked order, keyset-paginated (id breaks ties). */
export async function searchUsers(db: Queryable, query: UserSearch): Promise<UserPage> {
  const values: unknown[] = [];
  const where = userFilters(query, values);
  const countWhere = [...where];
  const countValues = [...values];
  const sort = SORT[query.sort];
  const dir = query.order === 'asc' ? 'ASC' : 'DESC';
  if (query.cursor) {
    values.push(query.cursor.v, query.cursor.id);
    where.push(`(${sort.expr}, u.id) ${query.order === 'asc' ? '>' : '<'} ($${values.length - 1}::${sort.type}, $${values.length}::uuid)`);
  }
  values.push(query.limit + 1);
  countValues.push(query.totalCap + 1);
  const [page, count] = await Promise.all([
    db.query<UserRow & { sort_text: string; last_sign_in_at: Date | null }>(
      `SELECT u.*, ${sort.expr}::text AS sort_text, ${LAST_SIGN_IN} AS last_sign_in_at FROM users u
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${sort.expr} ${dir}, u.id ${dir} LIMIT $${values.length}`,
      values,
    ),
    db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM users u ${countWhere.length ? `WHERE ${countWhere.join(' AND ')}` : ''}
       LIMIT $${countValues.length}) c`,
      countValues,
    ),
  ]);
  const rows = page.rows.slice(0, query.limit);
  const last = rows[rows.length - 1];
  return {
    users: rows.map((r) => ({ ...toUser(r), lastSignInAt: r.last_sign_in_at })),
    nextCursor:
      page.rows.length > query.limit && last
        ? Buffer.from(JSON.stringify({ v: last.sort_text, id: last.id })).toString('base64url')
        : null,
    total: count.rows[0]?.n ?? 0,
  };
}
