import { describe, expect, test } from 'vitest';
import { airportByCode, airportsNear } from '../src/index.ts';
import { averageHighC, climateOf, themesOf } from '../src/places/index.ts';

const city = (code: string, airport = code) => ({ ...airportByCode(airport)!, code });

describe('places: climate, attractions and themes', () => {
  test('When February is asked, then Miami and Bangkok are warm, Chicago and London are not; Sydney is in summer', () => {
    expect(averageHighC('MIA', 2)).toBeGreaterThanOrEqual(24);
    expect(averageHighC('BKK', 2)).toBeGreaterThanOrEqual(30);
    expect(averageHighC('CHI', 2)).toBeLessThan(5);
    expect(averageHighC('LON', 2)).toBeLessThan(12);
    expect(averageHighC('SYD', 2)).toBeGreaterThan(averageHighC('SYD', 7)!);
    expect(averageHighC('MIA', 1)).toBe(climateOf('MIA')!.januaryHighC);
    expect(averageHighC('MIA', 7)).toBe(climateOf('MIA')!.julyHighC);
  });

  test('When themes are worked out, then they follow the data: beach needs warmth, ski needs the season', () => {
    expect(themesOf(city('MIA'), 2).themes).toEqual(expect.arrayContaining(['warm', 'beach']));
    expect(themesOf(city('BCN'), 2).themes).not.toContain('beach'); // a beach city, but 15 °C in February
    expect(themesOf(city('BCN'), 7).themes).toEqual(expect.arrayContaining(['warm', 'beach', 'city']));
    expect(themesOf(city('DEN'), 2).themes).toEqual(expect.arrayContaining(['ski', 'national parks']));
    expect(themesOf(city('DEN'), 7).themes).not.toContain('ski');
    expect(themesOf(city('SCL'), 7).themes).toContain('ski'); // southern winter
    expect(themesOf(city('LAS'), 5).near.map((n) => n.name)).toContain('Death Valley National Park');
  });

  test('When airports near one are asked, then the busy ones within the radius come, nearest first', () => {
    expect(airportsNear('SFO', 60)).toEqual(['SFO', 'OAK', 'SJC']);
    expect(airportsNear('JFK', 40)).toEqual(expect.arrayContaining(['JFK', 'LGA', 'EWR']));
    expect(airportsNear('DEN', 100)).toEqual(['DEN']);
  });
});
