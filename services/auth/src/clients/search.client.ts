import { setTimeout as sleep } from 'node:timers/promises';

const RETRY_DELAYS_MS = [200, 1_000, 3_000];

/** What auth tells the search service (its internal routes, with the services' credential). */
export function searchClient(options: { url: string; serviceToken: string; timeoutMs?: number }) {
  return {
    /** An owner's account was deleted: search suspends their listings. Retried a few times; throws if never heard. */
    ownerDeleted: async (ownerId: string): Promise<void> => {
      for (let attempt = 0; ; attempt++) {
        let status = 0;
        try {
          const res = await fetch(`${options.url}/internal/owners/${ownerId}/deleted`, {
            method: 'POST',
            headers: { authorization: `Bearer ${options.serviceToken}` },
            signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
          });
          status = res.status;
        } catch {
          // no answer: try again below
        }
        if (status >= 200 && status < 300) return;
        // A refusal will not change by asking again; no answer or a 5xx may.
        if ((status >= 400 && status < 500) || attempt >= RETRY_DELAYS_MS.length) {
          throw new Error(`search did not take the deleted owner (${status || 'no answer'})`);
        }
        await sleep(RETRY_DELAYS_MS[attempt]);
      }
    },
  };
}
