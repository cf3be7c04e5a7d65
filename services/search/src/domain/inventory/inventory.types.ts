/*
 * The rows the generators yield, one shape per table of 0001_inventory.sql (flights: legs, from travel-data). They carry no ids, status or owner:
 * the writer adds those (seeded inventory is active and belongs to the marketplace, so owner_id is null).
 */

import type { CarClass, HotelAmenity } from '@tripwise/contracts';

export {
  CABINS,
  CAR_CLASSES,
  HOTEL_AMENITIES,
  type Cabin,
  type CarClass,
  type HotelAmenity,
} from '@tripwise/contracts';
export type { FlightLeg as FlightRow } from '@tripwise/travel-data/network';

export interface HotelPolicies {
  refundWindowHours: number;
  petsAllowed: boolean;
  breakfastIncluded: boolean;
  parking: 'free' | 'paid' | 'none';
  checkInTime: string;
  checkOutTime: string;
}

export interface RoomTypeRow {
  name: string;
  capacity: number;
  units: number;
  nightlyPriceMinor: number;
}

export interface HotelRow {
  name: string;
  cityCode: string;
  city: string;
  country: string;
  address: string;
  neighborhood: string;
  latitude: number;
  longitude: number;
  stars: number;
  ratingTenths: number;
  reviewCount: number;
  amenities: HotelAmenity[];
  policies: HotelPolicies;
  description: string;
  roomTypes: RoomTypeRow[];
}

export interface CarPolicies {
  freeCancellationHours: number;
  mileage: 'unlimited' | 'limited';
  minimumDriverAge: number;
  fuelPolicy: 'full_to_full' | 'same_to_same' | 'prepaid';
}

export interface CarRow {
  company: string;
  locationCode: string;
  city: string;
  carClass: CarClass;
  model: string;
  year: number;
  transmission: 'automatic' | 'manual';
  seats: number;
  units: number;
  dailyPriceMinor: number;
  policies: CarPolicies;
}
