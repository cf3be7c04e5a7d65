// Search's public answers, as the contract declares them (packages/contracts/src/search-results.ts).
import type { SearchPage } from '@tripwise/contracts';

export type { CarOption, FlightOption, FlightPair, HotelOption, Money, PlaceMatch } from '@tripwise/contracts';

/** The planner reads only a page's items and total. */
export type Page<T> = Pick<SearchPage<T, unknown>, 'items' | 'total'>;
