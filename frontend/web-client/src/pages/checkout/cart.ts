import { useQueries } from '@tanstack/react-query';
import { api } from '../../api/http.ts';
import { fareRuleOf } from '../../flights/fare-rules.ts';
import { clockOf } from '../../flights/flight-times.tsx';
import { daysBetween } from '../../search/dates.ts';
import { carClassPhrase, freeCancellation, inSentence, labelOf } from '../../search/labels.ts';
import type { Flight } from '../../search/search-types.ts';
import { rentalDays } from '../../ui/all-in.ts';
import { formatDate, plural } from '../../ui/format.ts';
import type { PricedLine } from './pricing.ts';

/** One thing being booked, as the checkout shows it and as the booking request needs it. */
export interface CartLine extends PricedLine {
  key: string;
  title: string;
  subtitle: string;
  /** "2 passengers", "3 nights × 1 room", "4 days" */
  quantityText: string;
  cancellation: string;
  /** The listing to go back to when something about it changed. */
  backTo: string;
  /** The booking item without its travelers (they come from the form). */
  item: Record<string, unknown>;
}

interface FlightDetails extends Flight {
  policies: { refundable: boolean };
  cabins: { cabin: string; price: { amount: number }; seatsLeft: number }[];
}
interface HotelDetails {
  name: string;
  city: { name: string };
  policies: { refundWindowHours?: number | null };
  rooms: { id: string; name: string; nightlyPrice: { amount: number } }[];
}
interface CarDetails {
  company: string;
  model: string;
  carClass: string;
  location: { city: string };
  dailyPrice: { amount: number };
  policies: { freeCancellationHours?: number | null; minimumDriverAge?: number };
}

type Loader = { key: string; load: (signal: AbortSignal) => Promise<CartLine> };

function flightLoaders(params: URLSearchParams): Loader[] {
  const cabin = params.get('cabin') ?? 'economy';
  const passengers = Number(params.get('passengers') ?? 1);
  return params.getAll('flight').map((id) => ({
    key: `flight:${id}:${cabin}`,
    load: async (signal) => {
      const f = await api<FlightDetails>(`/api/search/flights/${id}`, { signal, auth: false });
      const fare = f.cabins.find((c) => c.cabin === cabin);
      if (!fare) throw new Error(`${f.flightNumber} has no ${inSentence(cabin)} cabin.`);
      return {
        key: `flight:${id}`,
        kind: 'flight',
        unitPrice: fare.price.amount,
        quantity: passengers,
        units: 1,
        title: `${f.flightNumber}: ${f.origin.code} → ${f.destination.code}`,
        subtitle: `${formatDate(f.departLocal.slice(0, 10))}, ${clockOf(f.departLocal)} – ${clockOf(f.arriveLocal)} · ${labelOf(cabin)}`,
        quantityText: plural(passengers, 'passenger'),
        // The same words as the result card and the flight's page (one rule, one text).
        cancellation: fareRuleOf(f.policies.refundable),
        backTo: `/flights/${id}?cabin=${cabin}&passengers=${passengers}`,
        item: { kind: 'flight', flightId: id, cabin, expectedUnitPrice: fare.price.amount },
      };
    },
  }));
}

function hotelLoaders(params: URLSearchParams): Loader[] {
  const hotelId = params.get('hotel');
  const roomId = params.get('room');
  const checkIn = params.get('checkIn');
  const checkOut = params.get('checkOut');
  if (!hotelId || !roomId || !checkIn || !checkOut) return [];
  const rooms = Number(params.get('rooms') ?? 1);
  const guests = Number(params.get('guests') ?? 1);
  const nights = daysBetween(checkIn, checkOut);
  return [
    {
      key: `room:${roomId}:${checkIn}:${checkOut}`,
      load: async (signal) => {
        const h = await api<HotelDetails>(`/api/search/hotels/${hotelId}`, {
          query: { checkIn, checkOut },
          signal,
          auth: false,
        });
        const room = h.rooms.find((r) => r.id === roomId);
        if (!room) throw new Error(`${h.name} no longer offers that room.`);
        const hours = h.policies.refundWindowHours;
        return {
          key: `room:${roomId}`,
          kind: 'room',
          unitPrice: room.nightlyPrice.amount,
          quantity: rooms,
          units: nights,
          title: `${h.name}: ${room.name}`,
          subtitle: `${h.city.name} · ${formatDate(checkIn)} – ${formatDate(checkOut)} · ${plural(guests, 'guest')}`,
          quantityText: `${plural(nights, 'night')} × ${plural(rooms, 'room')}`,
          cancellation:
            typeof hours === 'number'
              ? `${freeCancellation(hours, 'check-in')}; later, the first night is kept.`
              : 'No free cancellation: cancelling keeps the first night.',
          backTo: `/hotels/${hotelId}?checkIn=${checkIn}&checkOut=${checkOut}&guests=${guests}&rooms=${rooms}`,
          item: {
            kind: 'hotel',
            roomTypeId: roomId,
            checkIn,
            checkOut,
            rooms,
            guests,
            expectedNightlyPrice: room.nightlyPrice.amount,
          },
        };
      },
    },
  ];
}

function carLoaders(params: URLSearchParams): Loader[] {
  const id = params.get('car');
  const pickupDate = params.get('pickupDate');
  const dropoffDate = params.get('dropoffDate');
  if (!id || !pickupDate || !dropoffDate) return [];
  const pickupTime = params.get('pickupTime') ?? '10:00';
  const dropoffTime = params.get('dropoffTime') ?? '10:00';
  const days = rentalDays({ date: pickupDate, time: pickupTime }, { date: dropoffDate, time: dropoffTime });
  return [
    {
      key: `car:${id}:${pickupDate}:${dropoffDate}`,
      load: async (signal) => {
        const c = await api<CarDetails>(`/api/search/cars/${id}`, { signal, auth: false });
        const free = c.policies.freeCancellationHours;
        return {
          key: `car:${id}`,
          kind: 'car',
          unitPrice: c.dailyPrice.amount,
          quantity: 1,
          units: days,
          title: `${c.model} (${carClassPhrase(c.carClass)}) from ${c.company}`,
          subtitle: `${c.location.city} · ${formatDate(pickupDate)} ${pickupTime} – ${formatDate(dropoffDate)} ${dropoffTime}`,
          quantityText: plural(days, 'day'),
          cancellation:
            typeof free === 'number'
              ? `${freeCancellation(free, 'pick-up')}; later, one day is kept.`
              : 'No free cancellation: cancelling keeps one day.',
          backTo: `/cars/${id}?pickupDate=${pickupDate}&pickupTime=${pickupTime}&dropoffDate=${dropoffDate}&dropoffTime=${dropoffTime}`,
          item: {
            kind: 'car',
            carId: id,
            pickupDate,
            pickupTime,
            dropoffDate,
            dropoffTime,
            expectedDailyPrice: c.dailyPrice.amount,
          },
        };
      },
    },
  ];
}

/** The flights, room and car named in the checkout URL, priced by the search API as they are now. */
export function useCart(params: URLSearchParams) {
  const loaders = [...flightLoaders(params), ...hotelLoaders(params), ...carLoaders(params)];
  const results = useQueries({
    queries: loaders.map((l) => ({
      queryKey: ['checkout-line', l.key],
      queryFn: ({ signal }: { signal: AbortSignal }) => l.load(signal),
      staleTime: 0,
    })),
  });
  return {
    empty: loaders.length === 0,
    pending: results.some((r) => r.isPending),
    error: results.find((r) => r.error)?.error ?? null,
    refetch: () => results.forEach((r) => void r.refetch()),
    lines: results.flatMap((r) => (r.data ? [r.data] : [])),
  };
}
