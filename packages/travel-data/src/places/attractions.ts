import { greatCircleKm } from '../geo.ts';

/*
 * Places a trip may be for, near a destination city: national parks (the US National Park Service's parks, and a
 * few famous ones abroad) and ski areas, with where they are (rounded to 0.01°) and, for ski areas, the months
 * they are open. See SOURCES.md.
 */
export interface Attraction {
  name: string;
  kind: 'national park' | 'ski area';
  latitude: number;
  longitude: number;
  /** Months (1–12) it is worth going for; all year when absent. */
  months?: readonly number[];
}

const NORTH_WINTER = [12, 1, 2, 3];
const NORTH_LONG_WINTER = [12, 1, 2, 3, 4];
const SOUTH_WINTER = [6, 7, 8, 9];

export const ATTRACTIONS: readonly Attraction[] = [
  { name: 'Rocky Mountain National Park', kind: 'national park', latitude: 40.34, longitude: -105.68 },
  { name: 'Zion National Park', kind: 'national park', latitude: 37.3, longitude: -113.03 },
  { name: 'Grand Canyon National Park', kind: 'national park', latitude: 36.06, longitude: -112.14 },
  { name: 'Yosemite National Park', kind: 'national park', latitude: 37.87, longitude: -119.54 },
  { name: 'Joshua Tree National Park', kind: 'national park', latitude: 33.87, longitude: -115.9 },
  { name: 'Death Valley National Park', kind: 'national park', latitude: 36.51, longitude: -117.08 },
  { name: 'Olympic National Park', kind: 'national park', latitude: 47.8, longitude: -123.6 },
  { name: 'Mount Rainier National Park', kind: 'national park', latitude: 46.88, longitude: -121.73 },
  { name: 'Everglades National Park', kind: 'national park', latitude: 25.29, longitude: -80.9 },
  { name: 'Biscayne National Park', kind: 'national park', latitude: 25.48, longitude: -80.21 },
  { name: 'Great Smoky Mountains National Park', kind: 'national park', latitude: 35.61, longitude: -83.49 },
  { name: 'Cuyahoga Valley National Park', kind: 'national park', latitude: 41.28, longitude: -81.57 },
  { name: 'Shenandoah National Park', kind: 'national park', latitude: 38.53, longitude: -78.35 },
  { name: 'Indiana Dunes National Park', kind: 'national park', latitude: 41.65, longitude: -87.05 },
  { name: 'Congaree National Park', kind: 'national park', latitude: 33.78, longitude: -80.78 },
  { name: 'Gateway Arch National Park', kind: 'national park', latitude: 38.62, longitude: -90.18 },
  { name: 'Pinnacles National Park', kind: 'national park', latitude: 36.48, longitude: -121.16 },
  { name: 'Channel Islands National Park', kind: 'national park', latitude: 34.01, longitude: -119.42 },
  { name: 'Saguaro National Park', kind: 'national park', latitude: 32.25, longitude: -110.5 },
  { name: 'Crater Lake National Park', kind: 'national park', latitude: 42.94, longitude: -122.11 },
  { name: 'Haleakalā National Park', kind: 'national park', latitude: 20.72, longitude: -156.16 },
  { name: 'Arches National Park', kind: 'national park', latitude: 38.73, longitude: -109.59 },
  { name: 'Banff National Park', kind: 'national park', latitude: 51.5, longitude: -115.93 },
  { name: 'Pacific Rim National Park Reserve', kind: 'national park', latitude: 49.0, longitude: -125.5 },
  { name: 'Blue Mountains National Park', kind: 'national park', latitude: -33.7, longitude: 150.3 },
  { name: 'Tongariro National Park', kind: 'national park', latitude: -39.29, longitude: 175.56 },
  { name: 'Pilanesberg National Park', kind: 'national park', latitude: -25.25, longitude: 27.1 },
  { name: 'Fuji-Hakone-Izu National Park', kind: 'national park', latitude: 35.36, longitude: 138.73 },
  { name: 'Bukhansan National Park', kind: 'national park', latitude: 37.66, longitude: 126.99 },
  { name: 'Peak District National Park', kind: 'national park', latitude: 53.35, longitude: -1.83 },
  { name: 'Saxon Switzerland National Park', kind: 'national park', latitude: 50.92, longitude: 14.07 },
  { name: 'Winter Park', kind: 'ski area', latitude: 39.89, longitude: -105.76, months: NORTH_LONG_WINTER },
  { name: 'Park City', kind: 'ski area', latitude: 40.65, longitude: -111.51, months: NORTH_LONG_WINTER },
  { name: 'The Summit at Snoqualmie', kind: 'ski area', latitude: 47.42, longitude: -121.41, months: NORTH_WINTER },
  { name: 'Mt. Hood Meadows', kind: 'ski area', latitude: 45.33, longitude: -121.66, months: NORTH_LONG_WINTER },
  { name: 'Whistler Blackcomb', kind: 'ski area', latitude: 50.11, longitude: -122.95, months: NORTH_LONG_WINTER },
  { name: 'Lake Tahoe (Heavenly)', kind: 'ski area', latitude: 38.94, longitude: -119.94, months: NORTH_LONG_WINTER },
  { name: 'Mont Tremblant', kind: 'ski area', latitude: 46.21, longitude: -74.58, months: NORTH_WINTER },
  { name: 'Blue Mountain (Ontario)', kind: 'ski area', latitude: 44.5, longitude: -80.31, months: NORTH_WINTER },
  { name: 'Garmisch-Partenkirchen', kind: 'ski area', latitude: 47.49, longitude: 11.1, months: NORTH_WINTER },
  { name: 'Flumserberg', kind: 'ski area', latitude: 47.09, longitude: 9.28, months: NORTH_WINTER },
  { name: 'Semmering', kind: 'ski area', latitude: 47.63, longitude: 15.83, months: NORTH_WINTER },
  { name: 'Valtellina (Aprica)', kind: 'ski area', latitude: 46.15, longitude: 10.15, months: NORTH_WINTER },
  { name: 'Tryvann', kind: 'ski area', latitude: 59.98, longitude: 10.67, months: NORTH_WINTER },
  { name: 'Valle Nevado', kind: 'ski area', latitude: -33.36, longitude: -70.25, months: SOUTH_WINTER },
  { name: 'Jisan Forest Resort', kind: 'ski area', latitude: 37.22, longitude: 127.34, months: [12, 1, 2] },
];

/** How far a trip's day out may go: a national park or a ski area within this of the city is "near". */
export const NEAR_KM = { 'national park': 300, 'ski area': 160 } as const;

export function attractionsNear(
  place: { latitude: number; longitude: number },
  kind: Attraction['kind'],
  month?: number,
): { attraction: Attraction; km: number }[] {
  return ATTRACTIONS.flatMap((attraction) => {
    if (attraction.kind !== kind) return [];
    if (month !== undefined && attraction.months && !attraction.months.includes(month)) return [];
    const km = greatCircleKm(place, attraction);
    return km <= NEAR_KM[kind] ? [{ attraction, km: Math.round(km) }] : [];
  }).sort((a, b) => a.km - b.km);
}
