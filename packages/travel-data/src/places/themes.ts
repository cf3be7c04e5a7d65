import { attractionsNear } from './attractions.ts';
import { averageHighC, climateOf } from './climate.ts';

export const THEMES = ['warm', 'beach', 'city', 'ski', 'national parks'] as const;
export type Theme = (typeof THEMES)[number];

/** Days are warm from this average high (°C). */
export const WARM_FROM_C = 24;

/**
 * Cities visited for themselves (museums, architecture, food): a city break. The other themes come from data: a
 * month's climate, the coast, what is near.
 */
const CITY_BREAKS = new Set([
  'NYC',
  'LON',
  'PAR',
  'ROM',
  'BCN',
  'MAD',
  'AMS',
  'BER',
  'PRG',
  'VIE',
  'TYO',
  'CHI',
  'SFO',
  'WAS',
  'BOS',
  'IST',
  'LIS',
  'DUB',
  'MIL',
  'MUC',
  'CPH',
  'STO',
  'SEL',
  'HKG',
  'SIN',
  'BKK',
  'MEX',
  'BUE',
  'SYD',
  'MEL',
  'YMQ',
  'YTO',
  'MSY',
  'ATH',
  'ZRH',
  'OSL',
  'HEL',
  'SHA',
  'BJS',
  'TPE',
  'LAX',
  'SEA',
  'LAS',
  'YVR',
  'DXB',
]);

export interface ThemeReasons {
  themes: Theme[];
  averageHighC: number | undefined;
  /** What is near, by name and distance, for the themes that come from it. */
  near: { name: string; kind: string; km: number }[];
}

/** The themes a city fits in a month (1–12), and why. */
export function themesOf(city: { code: string; latitude: number; longitude: number }, month: number): ThemeReasons {
  const high = averageHighC(city.code, month);
  const warm = high !== undefined && high >= WARM_FROM_C;
  const parks = attractionsNear(city, 'national park');
  const ski = attractionsNear(city, 'ski area', month);
  const themes: Theme[] = [];
  if (warm) themes.push('warm');
  if (warm && climateOf(city.code)?.beach) themes.push('beach');
  if (CITY_BREAKS.has(city.code)) themes.push('city');
  if (ski.length) themes.push('ski');
  if (parks.length) themes.push('national parks');
  return {
    themes,
    averageHighC: high,
    near: [...ski, ...parks].map(({ attraction, km }) => ({ name: attraction.name, kind: attraction.kind, km })),
  };
}
