import type { ListingRef } from '@tripwise/contracts';
import { serviceUnavailable } from '@tripwise/platform/errors';
import { observeUpstream } from '@tripwise/platform/metrics';
import { propagationHeaders } from '@tripwise/platform/tracing';

export interface ListingsClient {
  /**
   * True when the caller (their own access token, passed on) may manage this listing: search answers its owner and
   * admins, and nobody else. Search is the one that knows who owns what; insights never copies it.
   */
  mayManage(listing: ListingRef, authorization: string): Promise<boolean>;
}

const TIMEOUT_MS = 3_000;
const PLURAL = { hotel: 'hotels', car: 'cars', flight: 'flights' } as const;

export function searchClient(options: { url: string }): ListingsClient {
  return {
    async mayManage(listing, authorization) {
      const url = `${options.url}/api/listings/${PLURAL[listing.kind]}/${encodeURIComponent(listing.id)}`;
      const res = await observeUpstream({ target: 'search', operation: 'listing-access' }, () =>
        fetch(url, {
          headers: { authorization, accept: 'application/json', ...propagationHeaders() },
          signal: AbortSignal.timeout(TIMEOUT_MS),
        }),
      ).catch(() => {
        throw serviceUnavailable('Listings could not be checked just now. Try again shortly.', 5);
      });
      await res.body?.cancel();
      if (res.ok) return true;
      if (res.status >= 500) throw serviceUnavailable('Listings could not be checked just now. Try again shortly.', 5);
      return false;
    },
  };
}
