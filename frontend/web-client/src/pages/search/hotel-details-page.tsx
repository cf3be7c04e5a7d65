import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/http.ts';
import { BackLink } from '../../search/back-link.tsx';
import { addDays, daysBetween, todayIso } from '../../search/dates.ts';
import { DetailsState } from '../../search/details-state.tsx';
import { freeCancellation, inSentence, labelOf, stars } from '../../search/labels.ts';
import { PriceAlert } from '../../search/price-alert.tsx';
import { PriceHistory } from '../../search/price-history.tsx';
import { Reviews } from '../../search/reviews.tsx';
import type { HotelPolicies, PriceTrend } from '../../search/search-types.ts';
import { stayAllIn } from '../../ui/all-in.ts';
import { formatDate, formatMoney, plural } from '../../ui/format.ts';
import { PhotoGallery, RoomPhotos } from '../../search/listing-photos.tsx';
import type { ListingPhoto } from '@tripwise/contracts';

interface Room {
  id: string;
  name: string;
  capacity: number;
  nightlyPrice: { amount: number; currency: string };
  roomsLeft?: number;
  priceTrend: PriceTrend | null;
  photos?: ListingPhoto[];
}

interface HotelDetails {
  id: string;
  name: string;
  city: { code: string; name: string; country: string };
  address: string;
  neighborhood: string;
  stars: number;
  rating: number;
  reviewCount: number;
  amenities: string[];
  policies: HotelPolicies;
  description: string;
  rooms: Room[];
  photos?: ListingPhoto[];
}

function Policies({ policies }: { policies: HotelPolicies }) {
  const window = policies.refundWindowHours;
  return (
    <section className="card" aria-labelledby="policies-title" data-insights-section="policies">
      <h2 id="policies-title">Policies</h2>
      <ul>
        <li>
          Check-in from {policies.checkInTime ?? '15:00'}, check-out by {policies.checkOutTime ?? '11:00'}.
        </li>
        <li>
          {typeof window === 'number'
            ? `${freeCancellation(window, 'check-in')}; after that the first night is kept.`
            : 'No free cancellation: cancelling keeps the first night.'}
        </li>
        <li>{policies.breakfastIncluded ? 'Breakfast included.' : 'Breakfast not included.'}</li>
        <li>{policies.petsAllowed ? 'Pets allowed.' : 'No pets.'}</li>
        {policies.parking && <li>Parking: {inSentence(policies.parking)}.</li>}
      </ul>
    </section>
  );
}

/** One hotel: its room types free for the stay (each bookable), policies, price history and reviews. */
export function HotelDetailsPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const checkIn = params.get('checkIn') ?? addDays(todayIso(), 14);
  const checkOut = params.get('checkOut') ?? addDays(checkIn, 3);
  const guests = Number(params.get('guests') ?? 2);
  const rooms = Number(params.get('rooms') ?? 1);
  const hotel = useQuery({
    queryKey: ['hotel', id, checkIn, checkOut],
    queryFn: ({ signal }) =>
      api<HotelDetails>(`/api/search/hotels/${id}`, { query: { checkIn, checkOut }, signal, auth: false }),
  });
  if (hotel.status !== 'success') {
    return <DetailsState status={hotel.status} error={hotel.error} refetch={() => void hotel.refetch()} noun="hotel" />;
  }
  const h = hotel.data;
  const nights = daysBetween(checkIn, checkOut);
  // What checkout charges for the stay, taxes included.
  const stay = (room: Room) => stayAllIn(room.nightlyPrice.amount, nights, rooms);
  const money = (amount: number) => formatMoney({ amount, currency: 'USD' }, { cents: true });
  const cheapest = [...h.rooms]
    .filter((r) => r.capacity * rooms >= guests)
    .sort((a, b) => a.nightlyPrice.amount - b.nightlyPrice.amount)[0];
  return (
    <div className="details-page">
      <BackLink />
      <h1>{h.name}</h1>
      <p>
        <span aria-label={`${h.stars} stars`}>{stars(h.stars)}</span>{' '}
        <span className="badge">{h.rating.toFixed(1)} / 10</span>{' '}
        <span className="muted">
          {plural(h.reviewCount, 'review')} · {h.address}, {h.neighborhood}, {h.city.name}
        </span>
      </p>
      <PhotoGallery photos={h.photos} name={h.name} />
      <p>{h.description}</p>
      <p className="amenities">{h.amenities.map(labelOf).join(' · ')}</p>
      <section className="card" aria-labelledby="rooms-title" data-insights-section="rooms">
        <h2 id="rooms-title">
          Rooms for {formatDate(checkIn)} – {formatDate(checkOut)} ({plural(nights, 'night')}, {plural(guests, 'guest')}
          , {plural(rooms, 'room')})
        </h2>
        <ul className="choice-list">
          {h.rooms.map((room) => {
            const left = room.roomsLeft;
            const fits = room.capacity * rooms >= guests;
            const free = left === undefined || left >= rooms;
            const checkout = new URLSearchParams({
              hotel: h.id,
              room: room.id,
              checkIn,
              checkOut,
              guests: String(guests),
              rooms: String(rooms),
            });
            return (
              <li key={room.id} className="choice">
                <div>
                  <strong>{room.name}</strong>
                  <RoomPhotos photos={room.photos} room={room.name} />
                  <div className="muted">Sleeps {room.capacity}</div>
                  {left !== undefined && (
                    <div className={left <= 3 ? 'bad' : 'muted'}>
                      {left <= 3 ? `Only ${plural(left, 'room')} left` : `${left} rooms left`}
                    </div>
                  )}
                </div>
                <div className="choice-price">
                  <span className="price">{money(Math.round(stay(room) / nights))}</span>{' '}
                  <span className="muted">
                    a night, <span data-testid="room-total">{money(stay(room))}</span> in all, taxes included
                  </span>
                </div>
                {fits && free ? (
                  <Link
                    className="button"
                    data-insights="details.book"
                    data-insights-listing={`hotel:${h.id}`}
                    to={`/checkout?${checkout.toString()}`}
                    aria-label={`Book the ${room.name} for ${money(stay(room))} in all`}
                  >
                    Book
                  </Link>
                ) : (
                  <span className="muted">{free ? `Too small for ${plural(guests, 'guest')}` : 'Not enough free'}</span>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <Policies policies={h.policies} />
      {cheapest && (
        <section className="card" data-insights-section="price-history">
          <PriceHistory
            trend={cheapest.priceTrend}
            current={cheapest.nightlyPrice.amount}
            allIn={(nightly) => stayAllIn(nightly, 1, 1)}
            title={`${cheapest.name}: nightly price history`}
          />
          <PriceAlert
            target={{ type: 'listing', kind: 'room', listingId: cheapest.id }}
            price={cheapest.nightlyPrice.amount}
            label={`${h.name}: ${cheapest.name}`}
            what={`a night in the ${cheapest.name}`}
          />
        </section>
      )}
      <div data-insights-section="reviews">
        <Reviews kind="hotels" id={h.id} />
      </div>
    </div>
  );
}
