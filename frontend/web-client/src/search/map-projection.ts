// Places hotels on a drawing of their own city, without map tiles: the network the product runs on may be closed, and
// a tile server would learn where every traveler looks. Over a city's few kilometres the Earth is flat enough for an
// equirectangular projection, corrected for latitude so that a kilometre east is as long as a kilometre north.
import type { GeoPoint } from '@tripwise/contracts';

export interface MapBox {
  width: number;
  height: number;
  /** Kept clear around the points: a pin's price label stands above its point. */
  pad: { top: number; right: number; bottom: number; left: number };
}

export interface Projection {
  /** Where a point is drawn, in the box's pixels. */
  at(point: GeoPoint): { x: number; y: number };
  /** Pixels per kilometre, the same both ways (for a scale bar). */
  pxPerKm: number;
}

const KM_PER_DEGREE = 111.32;
/** The smallest area shown (km), so that one hotel, or hotels on one street, are not blown up to fill the box. */
const MIN_SPAN_KM = 1;

/** A projection that fits every point in the box, centred, one scale for both axes. */
export function fitProjection(points: readonly GeoPoint[], box: MapBox): Projection {
  const lats = points.map((p) => p.latitude);
  const lons = points.map((p) => p.longitude);
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  const [minLon, maxLon] = [Math.min(...lons), Math.max(...lons)];
  const midLat = points.length ? (minLat + maxLat) / 2 : 0;
  const midLon = points.length ? (minLon + maxLon) / 2 : 0;
  const kmPerLonDegree = KM_PER_DEGREE * Math.cos((midLat * Math.PI) / 180);
  const spanX = Math.max(points.length ? (maxLon - minLon) * kmPerLonDegree : 0, MIN_SPAN_KM);
  const spanY = Math.max(points.length ? (maxLat - minLat) * KM_PER_DEGREE : 0, MIN_SPAN_KM);
  const innerW = Math.max(box.width - box.pad.left - box.pad.right, 1);
  const innerH = Math.max(box.height - box.pad.top - box.pad.bottom, 1);
  const pxPerKm = Math.min(innerW / spanX, innerH / spanY);
  const cx = box.pad.left + innerW / 2;
  const cy = box.pad.top + innerH / 2;
  return {
    pxPerKm,
    at: (p) => ({
      x: cx + (p.longitude - midLon) * kmPerLonDegree * pxPerKm,
      // North is up: a larger latitude is a smaller y.
      y: cy - (p.latitude - midLat) * KM_PER_DEGREE * pxPerKm,
    }),
  };
}

/** A round length for a scale bar at most `maxPx` long: 100 m, 200 m, 500 m, 1 km, 2 km, 5 km… */
export function scaleBar(pxPerKm: number, maxPx: number): { km: number; px: number; text: string } {
  const steps = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50];
  const km = steps.filter((s) => s * pxPerKm <= maxPx).at(-1) ?? steps[0]!;
  return { km, px: km * pxPerKm, text: km < 1 ? `${Math.round(km * 1000)} m` : `${km} km` };
}

/** The middle of some points (a neighbourhood's label, the centre of the city's hotels). */
export function centreOf(points: readonly GeoPoint[]): GeoPoint {
  const n = Math.max(points.length, 1);
  return {
    latitude: points.reduce((s, p) => s + p.latitude, 0) / n,
    longitude: points.reduce((s, p) => s + p.longitude, 0) / n,
  };
}

const distanceKm = (a: GeoPoint, b: GeoPoint) => {
  const x = (a.longitude - b.longitude) * KM_PER_DEGREE * Math.cos((a.latitude * Math.PI) / 180);
  const y = (a.latitude - b.latitude) * KM_PER_DEGREE;
  return Math.hypot(x, y);
};

const median = (values: number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
};

/**
 * The points the map is fitted to: all but the outliers (a hotel by the airport, 30 km out, would shrink the city's
 * others into a heap). An outlier is further from the middle than 3 times the median distance, and at least 3 km.
 */
export function mainCluster<T extends GeoPoint>(points: readonly T[]): T[] {
  const middle = { latitude: median(points.map((p) => p.latitude)), longitude: median(points.map((p) => p.longitude)) };
  const limit = Math.max(3, 3 * median(points.map((p) => distanceKm(p, middle))));
  return points.filter((p) => distanceKm(p, middle) <= limit);
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Which labels fit without covering one another, in the order given (the list's: the first come first); the rest
 * are drawn as dots, which open the same way.
 */
export function labelsThatFit(rects: readonly Rect[]): boolean[] {
  const placed: Rect[] = [];
  return rects.map((r) => {
    if (placed.some((p) => overlaps(p, r))) return false;
    placed.push(r);
    return true;
  });
}
