// The search API's answers (packages/contracts/src/search-results.ts), under the names the web client reads them by,
// and the client's own view types.
import type { FlightOption, ListingReview, PlaceMatch, SearchPage as ContractPage } from '@tripwise/contracts';

export type {
  CarDetails,
  CarFacets,
  CarOption as Car,
  CarPolicies,
  FlightFacets,
  FlightPair,
  HotelFacets,
  HotelOption as Hotel,
  HotelPolicies,
  PriceTrend,
} from '@tripwise/contracts';

export type Flight = FlightOption;
export type Review = ListingReview;
export type Place = PlaceMatch;

/** A page as the results pages read it: hotel pages also say the nights, car pages the rental days. */
export interface SearchPage<T, F> extends ContractPage<T, F> {
  nights?: number;
  days?: number;
}

export type ListingKind = 'flight' | 'hotel' | 'car';
