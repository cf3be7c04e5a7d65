import { carListingSchema, hotelListingSchema, type CarListing, type HotelListing } from '@tripwise/contracts';
import type { CarView, HotelView } from './listing-types.ts';

// A listing form holds what the owner typed (text); before it is sent, it becomes the API's body and is checked
// with the same zod schema the listings API validates with, so the messages, and the field names they are filed
// under (`rooms.1.nightlyPrice`), are the API's own problem+json `errors`.

export type FieldErrors = Record<string, string>;

export interface RoomDraft {
  /** Set for a room type that exists; new ones have none until saved. */
  id?: string;
  name: string;
  capacity: string;
  units: string;
  /** Dollars as typed; the API takes cents. */
  nightlyPrice: string;
}

export interface HotelDraft {
  name: string;
  cityCode: string;
  city: string;
  country: string;
  address: string;
  neighborhood: string;
  latitude: string;
  longitude: string;
  stars: string;
  amenities: string[];
  description: string;
  refundWindowHours: string;
  petsAllowed: boolean;
  breakfastIncluded: boolean;
  parking: string;
  checkInTime: string;
  checkOutTime: string;
  rooms: RoomDraft[];
}

export interface CarDraft {
  company: string;
  model: string;
  year: string;
  carClass: string;
  transmission: string;
  seats: string;
  units: string;
  dailyPrice: string;
  locationCode: string;
  city: string;
  freeCancellationHours: string;
  mileage: string;
  minimumDriverAge: string;
  fuelPolicy: string;
}

export const emptyRoom = (): RoomDraft => ({ name: '', capacity: '2', units: '', nightlyPrice: '' });

export const emptyHotel = (): HotelDraft => ({
  name: '',
  cityCode: '',
  city: '',
  country: '',
  address: '',
  neighborhood: '',
  latitude: '',
  longitude: '',
  stars: '3',
  amenities: [],
  description: '',
  refundWindowHours: '24',
  petsAllowed: false,
  breakfastIncluded: false,
  parking: 'none',
  checkInTime: '15:00',
  checkOutTime: '11:00',
  rooms: [emptyRoom()],
});

export const emptyCar = (): CarDraft => ({
  company: '',
  model: '',
  year: String(new Date().getFullYear()),
  carClass: 'compact',
  transmission: 'automatic',
  seats: '5',
  units: '1',
  dailyPrice: '',
  locationCode: '',
  city: '',
  freeCancellationHours: '48',
  mileage: 'unlimited',
  minimumDriverAge: '21',
  fuelPolicy: 'full_to_full',
});

const dollars = (cents: number) => (cents / 100).toFixed(2);

export const hotelDraftOf = (hotel: HotelView): HotelDraft => ({
  name: hotel.name,
  cityCode: hotel.cityCode,
  city: hotel.city,
  country: hotel.country,
  address: hotel.address,
  neighborhood: hotel.neighborhood,
  latitude: String(hotel.latitude),
  longitude: String(hotel.longitude),
  stars: String(hotel.stars),
  amenities: [...hotel.amenities],
  description: hotel.description,
  refundWindowHours: String(hotel.policies.refundWindowHours),
  petsAllowed: hotel.policies.petsAllowed,
  breakfastIncluded: hotel.policies.breakfastIncluded,
  parking: hotel.policies.parking,
  checkInTime: hotel.policies.checkInTime,
  checkOutTime: hotel.policies.checkOutTime,
  rooms: hotel.rooms.map((r) => ({
    id: r.id,
    name: r.name,
    capacity: String(r.capacity),
    units: String(r.units),
    nightlyPrice: dollars(r.nightlyPrice.amount),
  })),
});

export const carDraftOf = (car: CarView): CarDraft => ({
  company: car.company,
  model: car.model,
  year: String(car.year),
  carClass: car.carClass,
  transmission: car.transmission,
  seats: String(car.seats),
  units: String(car.units),
  dailyPrice: dollars(car.dailyPrice.amount),
  locationCode: car.locationCode,
  city: car.city,
  freeCancellationHours: String(car.policies.freeCancellationHours),
  mileage: car.policies.mileage,
  minimumDriverAge: String(car.policies.minimumDriverAge),
  fuelPolicy: car.policies.fuelPolicy,
});

/**
 * Text to number. An empty box stays undefined and a word becomes NaN, both of which the schema refuses with its
 * own message; only text that is not a number at all gets a message of ours ("Enter a number"), filed under the
 * same field.
 */
class Numbers {
  readonly errors: FieldErrors = {};
  read(text: string, field: string, scale = 1): number | undefined {
    const trimmed = text.trim().replace(/^\$/, '').replace(/,/g, '');
    if (trimmed === '') return undefined;
    const value = Number(trimmed);
    if (!Number.isFinite(value)) {
      this.errors[field] = 'Enter a number.';
      return Number.NaN;
    }
    return scale === 1 ? value : Math.round(value * scale);
  }
}

/** The zod issues as the API files them: the dotted path → the first message for it. */
function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '(root)';
    errors[field] ??= issue.message;
  }
  return errors;
}

export type Checked<T> = { ok: true; body: T } | { ok: false; errors: FieldErrors };

export function checkHotel(draft: HotelDraft): Checked<HotelListing> {
  const n = new Numbers();
  const body = {
    name: draft.name,
    cityCode: draft.cityCode,
    city: draft.city,
    country: draft.country,
    address: draft.address,
    neighborhood: draft.neighborhood,
    latitude: n.read(draft.latitude, 'latitude'),
    longitude: n.read(draft.longitude, 'longitude'),
    stars: n.read(draft.stars, 'stars'),
    amenities: draft.amenities,
    description: draft.description,
    policies: {
      refundWindowHours: n.read(draft.refundWindowHours, 'policies.refundWindowHours'),
      petsAllowed: draft.petsAllowed,
      breakfastIncluded: draft.breakfastIncluded,
      parking: draft.parking,
      checkInTime: draft.checkInTime,
      checkOutTime: draft.checkOutTime,
    },
    rooms: draft.rooms.map((room, i) => ({
      ...(room.id ? { id: room.id } : {}),
      name: room.name,
      capacity: n.read(room.capacity, `rooms.${i}.capacity`),
      units: n.read(room.units, `rooms.${i}.units`),
      nightlyPrice: n.read(room.nightlyPrice, `rooms.${i}.nightlyPrice`, 100),
    })),
  };
  const parsed = hotelListingSchema.safeParse(body);
  if (parsed.success && Object.keys(n.errors).length === 0) return { ok: true, body: parsed.data };
  return { ok: false, errors: { ...(parsed.success ? {} : issuesOf(parsed.error)), ...n.errors } };
}

export function checkCar(draft: CarDraft): Checked<CarListing> {
  const n = new Numbers();
  const body = {
    company: draft.company,
    locationCode: draft.locationCode,
    city: draft.city,
    carClass: draft.carClass,
    model: draft.model,
    year: n.read(draft.year, 'year'),
    transmission: draft.transmission,
    seats: n.read(draft.seats, 'seats'),
    units: n.read(draft.units, 'units'),
    dailyPrice: n.read(draft.dailyPrice, 'dailyPrice', 100),
    policies: {
      freeCancellationHours: n.read(draft.freeCancellationHours, 'policies.freeCancellationHours'),
      mileage: draft.mileage,
      minimumDriverAge: n.read(draft.minimumDriverAge, 'policies.minimumDriverAge'),
      fuelPolicy: draft.fuelPolicy,
    },
  };
  const parsed = carListingSchema.safeParse(body);
  if (parsed.success && Object.keys(n.errors).length === 0) return { ok: true, body: parsed.data };
  return { ok: false, errors: { ...(parsed.success ? {} : issuesOf(parsed.error)), ...n.errors } };
}
