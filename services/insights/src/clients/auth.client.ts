import { serviceUnavailable } from '@tripwise/platform/errors';
import { observeUpstream } from '@tripwise/platform/metrics';
import { propagationHeaders } from '@tripwise/platform/tracing';
import type { ProfileFacts } from '../data/profiles.repository.ts';

export interface PeopleClient {
  /** Home city, state and sign-up month of these accounts (unknown ones come back with nulls). */
  cohortsOf(userKeys: string[]): Promise<ProfileFacts[]>;
  /** The account id of an email address, for an admin who picks a user by email; undefined when nobody has it. */
  idOfEmail(email: string): Promise<string | undefined>;
}

const TIMEOUT_MS = 3_000;

export function authClient(options: { url: string; serviceToken: string }): PeopleClient {
  const post = async <T>(operation: string, path: string, body: unknown): Promise<T> => {
    const res = await observeUpstream({ target: 'auth', operation }, () =>
      fetch(`${options.url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${options.serviceToken}`,
          ...propagationHeaders(),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      }),
    ).catch(() => undefined);
    if (!res?.ok) {
      await res?.body?.cancel();
      throw serviceUnavailable('Accounts could not be asked just now. Try again shortly.', 5);
    }
    return (await res.json()) as T;
  };
  return {
    async cohortsOf(userKeys) {
      const { items } = await post<{
        items: { id: string; city: string | null; state: string | null; signupMonth: string }[];
      }>('cohorts', '/internal/users/cohorts', { ids: userKeys });
      const known = new Map(items.map((i) => [i.id, i]));
      return userKeys.map((userKey) => {
        const facts = known.get(userKey);
        return {
          userKey,
          city: facts?.city ?? null,
          state: facts?.state ?? null,
          signupMonth: facts?.signupMonth ?? null,
        };
      });
    },
    async idOfEmail(email) {
      const { items } = await post<{ items: { id: string }[] }>('lookup', '/internal/users/lookup', {
        emails: [email],
      });
      return items[0]?.id;
    },
  };
}
