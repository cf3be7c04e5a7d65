import type { OwnerPhoto } from '@tripwise/contracts';
import type { Money } from '../ui/format.ts';

// Listings as the listings API answers them (services/search, `listingView`): every editable field, status, owner.

export type ListingKind = 'hotels' | 'cars' | 'flights';
export type ListingStatus = 'pending' | 'active' | 'paused' | 'suspended' | 'rejected' | 'removed';
export const LISTING_STATUSES: ListingStatus[] = ['pending', 'active', 'paused', 'suspended', 'rejected', 'removed'];

/** An admin's last decision on the listing, with the note to its owner. */
export interface ListingReview {
  status: 'approved' | 'rejected' | 'suspended' | 'reinstated' | 'change-approved' | 'change-rejected';
  note: string | null;
  decidedAt: string;
  decidedBy: { id: string };
}

interface ListingBase {
  id: string;
  status: ListingStatus;
  ownerId: string | null;
  updatedAt: string;
  review: ListingReview | null;
  /** Admins' lists: whose it is (email and name when auth could tell). */
  owner?: { id: string; email: string | null; name: string | null } | null;
  /** Hotels' and cars' photos (on a single listing's answer and the review queue's). */
  photos?: OwnerPhoto[];
  /** An owner's change of a live listing, waiting for review (on a single listing's answer only). */
  pendingChange?: { submittedAt: string; proposed: ListingView; changedFields: string[] } | null;
}

export interface RoomTypeView {
  id: string;
  name: string;
  capacity: number;
  units: number;
  nightlyPrice: Money;
}

export interface HotelPolicies {
  refundWindowHours: number;
  petsAllowed: boolean;
  breakfastIncluded: boolean;
  parking: 'free' | 'paid' | 'none';
  checkInTime: string;
  checkOutTime: string;
}

export interface HotelView extends ListingBase {
  name: string;
  cityCode: string;
  city: string;
  country: string;
  address: string;
  neighborhood: string;
  latitude: number;
  longitude: number;
  stars: number;
  amenities: string[];
  policies: HotelPolicies;
  description: string;
  rooms: RoomTypeView[];
}

export interface CarPolicies {
  freeCancellationHours: number;
  mileage: 'unlimited' | 'limited';
  minimumDriverAge: number;
  fuelPolicy: 'full_to_full' | 'prepaid' | 'same_to_same';
}

export interface CarView extends ListingBase {
  company: string;
  locationCode: string;
  city: string;
  carClass: string;
  model: string;
  year: number;
  transmission: 'automatic' | 'manual';
  seats: number;
  units: number;
  dailyPrice: Money;
  policies: CarPolicies;
}

export interface FlightView extends ListingBase {
  airline: string;
  flightNumber: string;
  origin: string;
  destination: string;
  via: string | null;
  departAt: string;
  arriveAt: string;
  refundable: boolean;
}

export type ListingView = HotelView | CarView | FlightView;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** Exact up to 10,000; beyond, `totalIsEstimate`. */
  total?: number;
  totalIsEstimate?: boolean;
}

export const KIND_LABEL: Record<ListingKind, { one: string; many: string }> = {
  hotels: { one: 'hotel', many: 'Hotels' },
  cars: { one: 'car', many: 'Cars' },
  flights: { one: 'flight', many: 'Flights' },
};

export const STATUS_LABEL: Record<ListingStatus, string> = {
  pending: 'Waiting for review',
  active: 'Live',
  paused: 'Paused',
  suspended: 'Suspended',
  rejected: 'Rejected',
  removed: 'Deleted',
};

export const isListingKind = (value: string | undefined): value is ListingKind =>
  value === 'hotels' || value === 'cars' || value === 'flights';

/** What the listing is called in lists and titles. */
export function titleOf(kind: ListingKind, listing: ListingView): string {
  if (kind === 'hotels') return (listing as HotelView).name;
  if (kind === 'cars') {
    const car = listing as CarView;
    return `${car.company} ${car.model} (${car.year})`;
  }
  const flight = listing as FlightView;
  return `${flight.flightNumber} ${flight.origin} → ${flight.destination}`;
}
