import type { SearchClient, SeedWorldReads } from '../../clients/search.client.ts';

/** What the booking seed asks of search, over HTTP, as the booking service does: quotes, holds and the inventory. */
export type SeedSearch = Pick<SearchClient, 'quote' | 'placeHold' | 'confirmHold'> & SeedWorldReads;
