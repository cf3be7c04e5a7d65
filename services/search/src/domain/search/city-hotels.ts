import type { HotelFacets } from '@tripwise/contracts';
import type { CityHotelsRows } from '../../data/city-hotels.repository.ts';
import type { HotelCriteria, HotelSort } from '../../data/hotel-search.repository.ts';
import { dayNumber } from '@tripwise/travel-data';
import { codePointOrder, rangeOf } from './facet-groups.ts';

/**
 * A city's hotels as a search sees them, kept in memory (see city-hotels-index.ts for when it is read again). Kept
 * as columns of numbers rather than an object per hotel and room: a few dozen objects per city instead of tens of
 * thousands, so that holding every searched city costs the garbage collector (and the requests it pauses) little.
 * Hotel i's room types are rooms[roomStart[i] .. roomStart[i + 1]).
 */
export interface CityHotels {
  count: number;
  id: Float64Array;
  stars: Uint8Array;
  ratingTenths: Uint8Array;
  latitude: Float64Array;
  longitude: Float64Array;
  /** From the centre, in km. */
  distanceKm: Float64Array;
  /** Index into amenitySets: the hotel's amenities as stored (hotels share equal lists). */
  amenitySet: Uint32Array;
  amenitySets: string[][];
  /** Index into neighborhoods. */
  neighborhood: Uint32Array;
  neighborhoods: string[];
  roomStart: Uint32Array;
  roomCapacity: Float64Array;
  roomUnits: Float64Array;
  roomNightly: Float64Array;
  /** Rooms taken by room index, then by day number (days since 1970-01-01); absent: none taken. */
  roomTaken: Map<number, Map<number, number>>;
}

/** A hotel found for the criteria: everything but what only a page shows (name, address, policies…). */
export interface FoundHotel {
  id: number;
  neighborhood: string;
  latitude: number;
  longitude: number;
  stars: number;
  rating_tenths: number;
  amenities: string[];
  distance_km: number;
  nightly_minor: number;
  rooms_left: number;
}

export interface FoundHotels {
  /** Up to limit + 1 hotels past the cursor, in order: one more than a page says whether there is a next one. */
  rows: FoundHotel[];
  total: number;
  facets: HotelFacets;
}

/** A small dictionary: each distinct value once, numbered in order of first sight. */
function interner<T>(keyOf: (value: T) => string) {
  const index = new Map<string, number>();
  const values: T[] = [];
  return {
    values,
    of(value: T): number {
      const key = keyOf(value);
      let i = index.get(key);
      if (i === undefined) {
        index.set(key, (i = values.length));
        values.push(value);
      }
      return i;
    },
  };
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in km, the same formula as the SQL search's. */
function distanceKm(lat: number, lon: number, center: { latitude: number; longitude: number }): number {
  const a =
    Math.sin(radians(lat - center.latitude) / 2) ** 2 +
    Math.cos(radians(center.latitude)) * Math.cos(radians(lat)) * Math.sin(radians(lon - center.longitude) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

/** Rows as the database gives them (hotels by id, room types by hotel then id) into columns. */
export function cityHotelsFrom(rows: CityHotelsRows): CityHotels {
  const count = rows.hotels.length;
  const amenitySets = interner<string[]>((a) => a.join(','));
  const neighborhoods = interner<string>((n) => n);
  const city: CityHotels = {
    count,
    id: new Float64Array(count),
    stars: new Uint8Array(count),
    ratingTenths: new Uint8Array(count),
    latitude: new Float64Array(count),
    longitude: new Float64Array(count),
    distanceKm: new Float64Array(count),
    amenitySet: new Uint32Array(count),
    amenitySets: amenitySets.values,
    neighborhood: new Uint32Array(count),
    neighborhoods: neighborhoods.values,
    roomStart: new Uint32Array(count + 1),
    roomCapacity: new Float64Array(rows.rooms.length),
    roomUnits: new Float64Array(rows.rooms.length),
    roomNightly: new Float64Array(rows.rooms.length),
    roomTaken: new Map(),
  };
  let latitudes = 0;
  let longitudes = 0;
  rows.hotels.forEach((h, i) => {
    city.id[i] = Number(h.id);
    city.stars[i] = h.stars;
    city.ratingTenths[i] = h.rating_tenths;
    city.latitude[i] = h.latitude;
    city.longitude[i] = h.longitude;
    city.amenitySet[i] = amenitySets.of(h.amenities);
    city.neighborhood[i] = neighborhoods.of(h.neighborhood);
    latitudes += h.latitude;
    longitudes += h.longitude;
  });
  // Distances are measured from the middle of the city's hotels, as the SQL search measures them.
  const center = count ? { latitude: latitudes / count, longitude: longitudes / count } : undefined;
  if (center) {
    for (let i = 0; i < count; i++) city.distanceKm[i] = distanceKm(city.latitude[i]!, city.longitude[i]!, center);
  }

  const roomIndex = new Map<number, number>();
  let hotel = 0;
  let kept = 0;
  for (const r of rows.rooms) {
    // Room types come in hotel order; a hotel with none has an empty range. One whose hotel was not read (added
    // between the two reads) is left out.
    const hotelId = Number(r.hotel_id);
    while (hotel < count && city.id[hotel]! < hotelId) city.roomStart[++hotel] = kept;
    if (hotel === count || city.id[hotel] !== hotelId) continue;
    city.roomCapacity[kept] = r.capacity;
    city.roomUnits[kept] = r.units;
    city.roomNightly[kept] = Number(r.nightly_price_minor);
    roomIndex.set(Number(r.id), kept++);
  }
  while (hotel < count) city.roomStart[++hotel] = kept;
  for (const t of rows.taken) {
    const k = roomIndex.get(Number(t.room_type_id));
    if (k === undefined) continue;
    let nights = city.roomTaken.get(k);
    if (!nights) city.roomTaken.set(k, (nights = new Map<number, number>()));
    nights.set(dayNumber(t.night), t.taken);
  }
  return city;
}

/** Hotel i's sort key: ascending keys as they are, descending ones negated, so that smaller always comes first. */
const SORT_KEY: Record<HotelSort, (city: CityHotels, nightly: Float64Array, i: number) => number> = {
  price: (_city, nightly, i) => nightly[i]!,
  rating: (city, _nightly, i) => -city.ratingTenths[i]!,
  stars: (city, _nightly, i) => -city.stars[i]!,
  distance: (city, _nightly, i) => city.distanceKm[i]!,
};

// Work space reused by every search (each runs to the end without yielding), grown to the largest city seen.
let nightlyOf = new Float64Array(0);
let leftOf = new Float64Array(0);

/**
 * The same answer as the SQL search (hotel-search.repository.ts) over a city kept in memory: hotels with a room
 * type free for the party on every night, filtered, ordered by the sort key then id, past the cursor; facets count
 * the hotels with rooms free before filters. Distances are from the city's centre.
 */
export function findCityHotels(city: CityHotels, c: HotelCriteria): FoundHotels {
  if (nightlyOf.length < city.count) {
    nightlyOf = new Float64Array(city.count);
    leftOf = new Float64Array(city.count);
  }
  const first = dayNumber(c.checkIn);
  const last = dayNumber(c.checkOut);
  const neighborhood = c.neighborhood?.toLowerCase();
  const neighborhoodOk = city.neighborhoods.map((n) => neighborhood === undefined || n.toLowerCase() === neighborhood);
  const amenitiesOk = city.amenitySets.map(
    (set) =>
      (!c.amenities?.length || c.amenities.every((a) => set.includes(a))) &&
      (c.freeCancellation === undefined || set.includes('free_cancellation') === c.freeCancellation),
  );
  const starsOk = (s: number) => !c.stars?.length || c.stars.includes(s);

  const facets = {
    starsCount: new Float64Array(6),
    starsMin: new Float64Array(6).fill(Infinity),
    amenitySets: new Float64Array(city.amenitySets.length),
    neighborhoods: new Float64Array(city.neighborhoods.length),
    min: Infinity,
    max: -Infinity,
  };
  const key = SORT_KEY[c.sort];
  const after = c.after && {
    key: c.sort === 'rating' || c.sort === 'stars' ? -c.after.key : c.after.key,
    id: c.after.id,
  };
  const want = c.limit + 1;
  const top: number[] = [];
  const before = (i: number, j: number) => {
    const d = key(city, nightlyOf, i) - key(city, nightlyOf, j);
    return d < 0 || (d === 0 && city.id[i]! < city.id[j]!);
  };
  let total = 0;

  for (let i = 0; i < city.count; i++) {
    let nightly = Infinity;
    let left = -Infinity;
    for (let k = city.roomStart[i]!; k < city.roomStart[i + 1]!; k++) {
      if (city.roomCapacity[k]! * c.rooms < c.guests) continue;
      let taken = 0;
      const nights = city.roomTaken.get(k);
      if (nights) for (let d = first; d < last; d++) taken = Math.max(taken, nights.get(d) ?? 0);
      const free = city.roomUnits[k]! - taken;
      if (free < c.rooms) continue;
      nightly = Math.min(nightly, city.roomNightly[k]!);
      left = Math.max(left, free);
    }
    if (nightly === Infinity) continue;
    nightlyOf[i] = nightly;
    leftOf[i] = left;

    const stars = city.stars[i]!;
    facets.starsCount[stars]!++;
    facets.starsMin[stars] = Math.min(facets.starsMin[stars]!, nightly);
    facets.amenitySets[city.amenitySet[i]!]!++;
    facets.neighborhoods[city.neighborhood[i]!]!++;
    facets.min = Math.min(facets.min, nightly);
    facets.max = Math.max(facets.max, nightly);

    const matches =
      (c.minNightly === undefined || nightly >= c.minNightly) &&
      (c.maxNightly === undefined || nightly <= c.maxNightly) &&
      starsOk(stars) &&
      (c.minRatingTenths === undefined || city.ratingTenths[i]! >= c.minRatingTenths) &&
      amenitiesOk[city.amenitySet[i]!]! &&
      neighborhoodOk[city.neighborhood[i]!]!;
    if (!matches) continue;
    total++;
    if (after) {
      const k = key(city, nightlyOf, i);
      if (!(k > after.key || (k === after.key && city.id[i]! > after.id))) continue;
    }
    // The page so far, kept in order: a hotel goes in only if it comes before the last one kept.
    if (top.length === want && !before(i, top[want - 1]!)) continue;
    let at = top.length;
    while (at > 0 && before(i, top[at - 1]!)) at--;
    top.splice(at, 0, i);
    if (top.length > want) top.pop();
  }

  const rows = top.map((i): FoundHotel => ({
    id: city.id[i]!,
    neighborhood: city.neighborhoods[city.neighborhood[i]!]!,
    latitude: city.latitude[i]!,
    longitude: city.longitude[i]!,
    stars: city.stars[i]!,
    rating_tenths: city.ratingTenths[i]!,
    amenities: city.amenitySets[city.amenitySet[i]!]!,
    distance_km: city.distanceKm[i]!,
    nightly_minor: nightlyOf[i]!,
    rooms_left: leftOf[i]!,
  }));
  return { rows, total, facets: facetsOf(city, facets) };
}

function facetsOf(
  city: CityHotels,
  f: {
    starsCount: Float64Array;
    starsMin: Float64Array;
    amenitySets: Float64Array;
    neighborhoods: Float64Array;
    min: number;
    max: number;
  },
): HotelFacets {
  const stars: HotelFacets['stars'] = [];
  for (let s = 5; s >= 0; s--) {
    if (f.starsCount[s]) stars.push({ stars: s, count: f.starsCount[s]!, minNightly: f.starsMin[s]! });
  }
  const amenities = new Map<string, number>();
  f.amenitySets.forEach((count, set) => {
    if (count) for (const a of city.amenitySets[set]!) amenities.set(a, (amenities.get(a) ?? 0) + count);
  });
  const neighborhoods = new Map<string, number>();
  f.neighborhoods.forEach((count, n) => {
    if (count) neighborhoods.set(city.neighborhoods[n]!, count);
  });
  const byCountThenName = (x: [string, number], y: [string, number]) => y[1] - x[1] || codePointOrder(x[0], y[0]);
  return {
    stars,
    amenities: [...amenities].sort(byCountThenName).map(([amenity, count]) => ({ amenity, count })),
    neighborhoods: [...neighborhoods].sort(byCountThenName).map(([neighborhood, count]) => ({ neighborhood, count })),
    nightly: f.max >= f.min ? { min: f.min, max: f.max } : rangeOf([]),
  };
}
