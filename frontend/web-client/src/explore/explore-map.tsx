// The Explore map: Leaflet with OpenStreetMap tiles (see map-config.ts), in a chunk of its own that loads only
// with the map. Each destination is a price pin a keyboard can reach; opening one shows its dates and a link to its
// flights. Pins are built from DOM nodes and text, never HTML strings, and styled by classes (the CSP allows no
// inline styles).
import type { ExploreDestination } from '@tripwise/contracts';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { formatDate, formatMoney } from '../ui/format.ts';
import { flightSearchPath } from './explore-query.ts';
import { MAP_ATTRIBUTION, MAP_TILE_URL } from './map-config.ts';
import './explore.css';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

export default function ExploreMap({ items, params }: { items: ExploreDestination[]; params: URLSearchParams }) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const pins = useRef<L.LayerGroup | null>(null);
  const navigate = useNavigate();

  useEffect(() => {
    if (!box.current) return;
    const created = L.map(box.current, { worldCopyJump: true, scrollWheelZoom: false }).setView([30, -40], 2);
    created.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    L.tileLayer(MAP_TILE_URL, { attribution: MAP_ATTRIBUTION, maxZoom: 12 }).addTo(created);
    map.current = created;
    pins.current = L.layerGroup().addTo(created);
    return () => {
      created.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const [shown, layer] = [map.current, pins.current];
    if (!shown || !layer) return;
    layer.clearLayers();
    for (const [rank, item] of items.entries()) {
      const { destination: d } = item;
      const price = formatMoney(item.price);
      const pin = element('span', 'price-pin-label', price);
      const marker = L.marker([d.latitude, d.longitude], {
        icon: L.divIcon({ className: 'price-pin', html: pin, iconSize: [0, 0] }),
        keyboard: true,
        riseOnHover: true,
        // Where pins overlap, the cheaper one (listed first) is on top.
        zIndexOffset: (items.length - rank) * 10,
      });
      const popup = element('div', 'pin-popup');
      popup.append(
        element('strong', '', `${d.city}, ${d.country}`),
        element('p', '', `${price} round trip per person`),
        element('p', '', `${formatDate(item.departDate)} – ${formatDate(item.returnDate)}`),
      );
      const path = flightSearchPath(item.search, params);
      const link = element('a', 'pin-link', 'See flights');
      link.href = path;
      // A client-side navigation, as the list's links do (the map lives outside React's tree).
      link.addEventListener('click', (event) => {
        event.preventDefault();
        void navigate(path);
      });
      popup.append(link);
      marker.bindPopup(popup).addTo(layer);
      const icon = marker.getElement();
      icon?.setAttribute('aria-label', `${d.city}: ${price} round trip per person`);
      icon?.setAttribute('data-testid', 'map-pin');
    }
    if (items.length > 0) {
      shown.fitBounds(L.latLngBounds(items.map((i) => [i.destination.latitude, i.destination.longitude])), {
        padding: [40, 40],
        maxZoom: 6,
      });
    }
  }, [items, params, navigate]);

  return <div ref={box} className="explore-map" role="region" aria-label="Map of the destinations and their prices" />;
}
