import type { CarDetails, FlightDetails, HotelDetails, ListingReview, PriceTrend } from '@tripwise/contracts';
import type { Queryable } from '@tripwise/platform/db';
import { notFound } from '@tripwise/platform/errors';
import { airlineByCode, airportByCode } from '@tripwise/travel-data';
import { findCar, findFlight, findHotel } from '../../data/listing-details.repository.ts';
import { priceTrends, type PriceTrend as StoredTrend } from '../../data/price-market.repository.ts';
import { listReviews, type ReviewKind } from '../../data/reviews.repository.ts';
import { localDateTime } from './places.rules.ts';
import { travelerPhotos } from '../photos/traveler-photos.ts';

const CURRENCY = 'USD';

/** The three newest reviews, for the details page (the rest come from the reviews route). */
async function latestReviews(db: Queryable, kind: ReviewKind, id: string | number): Promise<ListingReview[]> {
  const rows = await listReviews(db, kind, String(id), { limit: 3 });
  return rows.map((r) => ({
    rating: r.rating,
    title: r.title,
    text: r.body,
    author: r.author_name,
    createdAt: r.created_at.toISOString(),
  }));
}
const usd = (amount: number) => ({ amount, currency: CURRENCY });
// The repository declares avg60 nullable, but a unit has a trend only when a price was recorded in the last 60 days,
// so the 60-day average is always there.
const trendOf = (trends: Map<string, StoredTrend>, key: string) => (trends.get(key) ?? null) as PriceTrend | null;
const airport = (code: string) => {
  const a = airportByCode(code);
  return { code, name: a?.name ?? code, city: a?.city ?? code, timeZone: a?.timeZone ?? 'UTC' };
};

// A listing's trends and reviews are found by its id alone: asked alongside the listing itself, one round trip to
// the database instead of two (and dropped if there is no such listing).
export async function flightDetails(db: Queryable, id: string): Promise<FlightDetails> {
  const [f, trends, reviews] = await Promise.all([
    findFlight(db, id),
    priceTrends(db, 'flight', [id]),
    latestReviews(db, 'flight', id),
  ]);
  if (!f) throw notFound('The flight');
  const origin = airport(f.origin);
  const destination = airport(f.destination);
  return {
    id: String(f.id),
    airline: { code: f.airline, name: airlineByCode(f.airline)?.name ?? f.airline },
    flightNumber: f.flight_number,
    origin,
    destination,
    via: f.via ? airport(f.via) : null,
    stops: f.stops,
    departAt: f.depart_at.toISOString(),
    arriveAt: f.arrive_at.toISOString(),
    departLocal: localDateTime(f.depart_at, origin.timeZone),
    arriveLocal: localDateTime(f.arrive_at, destination.timeZone),
    durationMin: f.duration_min,
    policies: { refundable: f.refundable, changeFee: f.refundable ? usd(0) : usd(7_500) },
    rating: f.rating_tenths === null ? null : f.rating_tenths / 10,
    reviewCount: f.review_count,
    latestReviews: reviews,
    cabins: f.cabins.map((c) => ({
      cabin: c.cabin,
      price: usd(c.priceMinor),
      seatsLeft: c.seatsLeft,
      priceTrend: trendOf(trends, `${f.id}:${c.cabin}`),
    })),
  };
}

export async function hotelDetails(
  db: Queryable,
  id: string,
  stay?: { checkIn: string; checkOut: string },
): Promise<HotelDetails> {
  const [h, trends, reviews, photos] = await Promise.all([
    findHotel(db, id, stay),
    priceTrends(db, 'room', { roomsOfHotel: id }),
    latestReviews(db, 'hotel', id),
    travelerPhotos(db, 'hotels', id),
  ]);
  if (!h) throw notFound('The hotel');
  return {
    id: String(h.id),
    name: h.name,
    city: { code: h.city_code, name: h.city, country: h.country },
    address: h.address,
    neighborhood: h.neighborhood,
    location: { latitude: h.latitude, longitude: h.longitude },
    stars: h.stars,
    rating: h.rating_tenths / 10,
    reviewCount: h.review_count,
    latestReviews: reviews,
    amenities: h.amenities,
    policies: h.policies,
    description: h.description,
    rooms: h.rooms.map((r) => ({
      id: String(r.id),
      name: r.name,
      capacity: r.capacity,
      nightlyPrice: usd(r.nightlyPriceMinor),
      ...(r.roomsLeft === null ? {} : { roomsLeft: r.roomsLeft }),
      priceTrend: trendOf(trends, `${r.id}:`),
      photos: photos.ofRoom(String(r.id)),
    })),
    photos: photos.own,
  };
}

export async function carDetails(db: Queryable, id: string): Promise<CarDetails> {
  const [c, trends, reviews, photos] = await Promise.all([
    findCar(db, id),
    priceTrends(db, 'car', [id]),
    latestReviews(db, 'car', id),
    travelerPhotos(db, 'cars', id),
  ]);
  if (!c) throw notFound('The car');
  return {
    id: String(c.id),
    company: c.company,
    location: { code: c.location_code, city: c.city },
    carClass: c.car_class,
    model: c.model,
    year: c.year,
    transmission: c.transmission,
    seats: c.seats,
    dailyPrice: usd(c.daily_price_minor),
    priceTrend: trendOf(trends, `${c.id}:`),
    rating: c.rating_tenths === null ? null : c.rating_tenths / 10,
    reviewCount: c.review_count,
    latestReviews: reviews,
    policies: c.policies,
    photos: photos.own,
  };
}
