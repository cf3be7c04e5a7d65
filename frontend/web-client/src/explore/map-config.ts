// The Explore map's background tiles. OpenStreetMap's own tile server by default (its usage policy asks for the
// attribution below and light use); an operator with heavier traffic points VITE_MAP_TILE_URL (and
// VITE_MAP_ATTRIBUTION) at a tile provider of their own when building the web client. The CSP already allows
// images from any https: origin, and Leaflet loads tiles as images.
const env = import.meta.env as Record<string, string | undefined>;

export const MAP_TILE_URL = env.VITE_MAP_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const MAP_ATTRIBUTION =
  env.VITE_MAP_ATTRIBUTION || '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';
