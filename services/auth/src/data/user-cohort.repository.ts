import type { Queryable } from '@tripwise/platform/db';

/** The coarse, non-identifying facts analytics groups travelers by: home city and state, month of sign-up. */
export interface UserCohort {
  id: string;
  city: string | null;
  state: string | null;
  signupMonth: string;
}

/** Cohort facts of these ids (unknown or deleted ids are left out). */
export async function findUserCohorts(db: Queryable, ids: string[]): Promise<UserCohort[]> {
  const { rows } = await db.query<UserCohort>(
    `SELECT id, city, state, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS "signupMonth" FROM users
     WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return rows.map((r) => ({ ...r, state: r.state?.trim() ?? null }));
}
