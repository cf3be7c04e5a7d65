import { describe, expect, test } from 'vitest';
import { centreOf, fitProjection, labelsThatFit, mainCluster, scaleBar } from '../src/search/map-projection.ts';

const box = { width: 600, height: 300, pad: { top: 40, right: 60, bottom: 30, left: 60 } };
// Hotels around Denver's centre, a few kilometres apart, and one by the airport, 30 km out.
const city = [
  { latitude: 39.7392, longitude: -104.9903 },
  { latitude: 39.7531, longitude: -104.9998 },
  { latitude: 39.7197, longitude: -104.9561 },
  { latitude: 39.7618, longitude: -104.9817 },
  { latitude: 39.7294, longitude: -105.0245 },
];
const airport = { latitude: 39.8561, longitude: -104.6737 };

describe('placing hotels on a map of their city', () => {
  test('When hotels are projected, then every one stands inside the box, north up and east right', () => {
    const projection = fitProjection(city, box);
    for (const point of city) {
      const { x, y } = projection.at(point);
      expect(x).toBeGreaterThanOrEqual(box.pad.left - 0.001);
      expect(x).toBeLessThanOrEqual(box.width - box.pad.right + 0.001);
      expect(y).toBeGreaterThanOrEqual(box.pad.top - 0.001);
      expect(y).toBeLessThanOrEqual(box.height - box.pad.bottom + 0.001);
    }
    const [north, east] = [city[3]!, city[2]!];
    expect(projection.at(north).y).toBeLessThan(projection.at(city[0]!).y);
    expect(projection.at(east).x).toBeGreaterThan(projection.at(city[0]!).x);
  });

  test('When a kilometre is measured east and north, then it is as long on the map both ways', () => {
    const projection = fitProjection(city, box);
    const origin = projection.at(city[0]!);
    const kmNorth = projection.at({ latitude: city[0]!.latitude + 1 / 111.32, longitude: city[0]!.longitude });
    const kmEast = projection.at({
      latitude: city[0]!.latitude,
      longitude: city[0]!.longitude + 1 / (111.32 * Math.cos((city[0]!.latitude * Math.PI) / 180)),
    });
    expect(Math.abs(origin.y - kmNorth.y)).toBeCloseTo(Math.abs(kmEast.x - origin.x), 0);
    expect(Math.abs(origin.y - kmNorth.y)).toBeCloseTo(projection.pxPerKm, 0);
  });

  test('When one hotel is far out, then the map is fitted to the others', () => {
    expect(mainCluster([...city, airport])).toEqual(city);
    expect(mainCluster(city)).toEqual(city);
  });

  test('When there is one hotel, then it stands in the middle of the box', () => {
    const { x, y } = fitProjection([city[0]!], box).at(city[0]!);
    expect(x).toBeCloseTo(60 + 480 / 2);
    expect(y).toBeCloseTo(40 + 230 / 2);
  });

  test('When labels would cover one another, then the first keeps its label and the later one is a dot', () => {
    const label = (x: number, y: number) => ({ x, y, width: 50, height: 24 });
    expect(labelsThatFit([label(0, 0), label(30, 10), label(60, 0), label(30, 40)])).toEqual([true, false, true, true]);
  });

  test('When a scale bar is drawn, then it is a round length no longer than asked', () => {
    expect(scaleBar(40, 140)).toEqual({ km: 2, px: 80, text: '2 km' });
    expect(scaleBar(400, 140)).toEqual({ km: 0.2, px: 80, text: '200 m' });
    expect(centreOf([city[0]!, city[0]!])).toEqual(city[0]);
  });
});
