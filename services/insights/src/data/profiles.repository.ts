import type { Queryable } from '@tripwise/platform/db';

export interface ProfileFacts {
  userKey: string;
  city: string | null;
  state: string | null;
  signupMonth: string | null;
}

/** Stores (or refreshes) the cohort facts of these keys; keys auth did not know are stored with nulls. */
export async function upsertProfiles(db: Queryable, profiles: readonly ProfileFacts[]): Promise<void> {
  if (profiles.length === 0) return;
  await db.query(
    `INSERT INTO insight_profiles (user_key, city, state, signup_month, fetched_at)
     SELECT *, now() FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (user_key) DO UPDATE
       SET city = EXCLUDED.city, state = EXCLUDED.state, signup_month = EXCLUDED.signup_month, fetched_at = now()`,
    [
      profiles.map((p) => p.userKey),
      profiles.map((p) => p.city),
      profiles.map((p) => p.state),
      profiles.map((p) => p.signupMonth),
    ],
  );
}
