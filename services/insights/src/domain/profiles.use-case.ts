import type { Db } from '@tripwise/platform/db';
import { userKeysWithoutProfile } from '../data/events.repository.ts';
import { upsertProfiles } from '../data/profiles.repository.ts';
import type { PeopleClient } from '../clients/auth.client.ts';

const DAY_MS = 86_400_000;
/** A traveler who moves shows up in their new city's cohort within a week. */
const REFRESH_AFTER_MS = 7 * DAY_MS;
const BATCH = 100;

/**
 * Cohorts are made of profile facts (city, state, sign-up month) joined on the user key on the server: the browser
 * sends nothing personal, and no address is geolocated. Asks auth about keys seen lately that have no facts yet.
 */
export async function fetchMissingProfiles(db: Db, people: PeopleClient, now = Date.now()): Promise<number> {
  let fetched = 0;
  for (let round = 0; round < 10; round += 1) {
    const keys = await userKeysWithoutProfile(db, new Date(now - 2 * DAY_MS), new Date(now - REFRESH_AFTER_MS), BATCH);
    if (keys.length === 0) break;
    await upsertProfiles(db, await people.cohortsOf(keys));
    fetched += keys.length;
    if (keys.length < BATCH) break;
  }
  return fetched;
}
