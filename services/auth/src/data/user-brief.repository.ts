import type { Queryable } from '@tripwise/platform/db';

export interface UserBrief {
  id: string;
  email: string;
  name: string;
  role: string;
}

/** Who these ids or emails are (unknown ones are left out): for other services' pages that name people. */
export async function findUserBriefs(
  db: Queryable,
  by: { ids?: string[] | undefined; emails?: string[] | undefined },
): Promise<UserBrief[]> {
  const { rows } = await db.query<UserBrief>(
    `SELECT id, email, trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) AS name, role FROM users
     WHERE id = ANY($1::uuid[]) OR lower(email) = ANY($2::text[])`,
    [by.ids ?? [], (by.emails ?? []).map((e) => e.toLowerCase())],
  );
  return rows;
}
