import type { SeedCar, SeedRoomType } from '@tripwise/contracts';
import type { Rng } from '@tripwise/travel-data';

interface Hotel {
  id: number;
  rooms: SeedRoomType[];
}

/** Search's hotels by city and cars by airport, as the seed picks from them. */
export interface StayCatalog {
  hotels: Map<string, { hotels: Hotel[]; weights: number[] }>;
  cities: { codes: string[]; weights: number[] };
  cars: Map<string, SeedCar[]>;
  carAirports: string[];
}

export function stayCatalog(roomTypes: readonly SeedRoomType[], cars: readonly SeedCar[]): StayCatalog {
  const hotels = new Map<string, { hotels: Hotel[]; weights: number[] }>();
  let last: Hotel | undefined;
  for (const room of roomTypes) {
    if (last?.id !== room.hotel_id) {
      last = { id: room.hotel_id, rooms: [] };
      const city = hotels.get(room.city_code) ?? { hotels: [], weights: [] };
      city.hotels.push(last);
      city.weights.push(room.popularity);
      hotels.set(room.city_code, city);
    }
    last.rooms.push(room);
  }
  const byAirport = new Map<string, SeedCar[]>();
  for (const car of cars) byAirport.set(car.location_code, [...(byAirport.get(car.location_code) ?? []), car]);
  const codes = [...hotels.keys()].sort();
  return {
    hotels,
    cities: { codes, weights: codes.map((code) => hotels.get(code)!.hotels.length) },
    cars: byAirport,
    carAirports: [...byAirport.keys()].sort(),
  };
}

/** A room type for the party in a city's hotels (elsewhere when the city has none), and how many rooms. */
export function chooseRoom(catalog: StayCatalog, cityCode: string, guests: number, rng: Rng) {
  const city =
    catalog.hotels.get(cityCode) ?? catalog.hotels.get(rng.weighted(catalog.cities.codes, catalog.cities.weights));
  if (!city) return undefined;
  const hotel = rng.weighted(city.hotels, city.weights);
  const largest = Math.max(...hotel.rooms.map((r) => r.capacity));
  const rooms = Math.min(8, Math.max(1, Math.ceil(guests / largest)));
  const fitting = hotel.rooms.filter((r) => r.capacity * rooms >= guests);
  // Travelers take the first (usually the cheapest) room types most.
  const room = rng.weighted(
    fitting,
    fitting.map((_, i) => 1 / (i + 1)),
  );
  return { roomType: room, rooms };
}

/** A car at an airport (another one when it has none) that the driver is old enough to rent. */
export function chooseCar(catalog: StayCatalog, airport: string, driverAge: number, rng: Rng): SeedCar | undefined {
  const cars = catalog.cars.get(airport) ?? catalog.cars.get(rng.pick(catalog.carAirports)) ?? [];
  const allowed = cars.filter((car) => car.minimum_age <= driverAge);
  return allowed.length === 0
    ? undefined
    : rng.weighted(
        allowed,
        allowed.map((car) => car.units),
      );
}
