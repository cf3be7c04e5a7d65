// The hotels of a results page on a drawing of their city: each a price pin where it stands (by its coordinates),
// the neighbourhoods named where their hotels are, the centre of the city's hotels marked and a scale bar. Drawn in
// SVG with no tiles and no script from elsewhere (see map-projection.ts). A pin is a button: Tab reaches it,
// Enter or Space selects its hotel, which the list marks too; hovering a pin or a card marks both.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import type { Hotel } from './search-types.ts';
import { centreOf, fitProjection, labelsThatFit, mainCluster, scaleBar } from './map-projection.ts';
import './hotel-map.css';

export interface HotelPin {
  hotel: Hotel;
  /** The pin's short price (whole dollars) and the full one read out and shown once selected. */
  short: string;
  full: string;
  /** What the price is for: "a night, taxes included". */
  per: string;
}

interface Props {
  pins: HotelPin[];
  /** The search the details links carry (the stay). */
  stay: string;
  selected: string | undefined;
  hovered: string | undefined;
  onSelect: (id: string) => void;
  onHover: (id: string | undefined) => void;
}

const PIN_H = 24;
const pinWidth = (text: string) => 16 + text.length * 7.6;

/** The box's size in pixels, so that text on the map is the page's size on a phone and on a laptop alike. */
function useBoxSize(): [React.RefObject<HTMLDivElement | null>, { width: number; height: number }] {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 720, height: 320 });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      const { width, height } = el.getBoundingClientRect();
      if (width > 0 && height > 0) setSize({ width: Math.round(width), height: Math.round(height) });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [box, size];
}

function Pin({ x, y, text, state, dot }: { x: number; y: number; text: string; state: string; dot?: boolean }) {
  const w = pinWidth(text);
  if (dot) {
    return (
      <g className={`pin pin-dot ${state}`} transform={`translate(${x.toFixed(1)} ${y.toFixed(1)})`}>
        <circle className="pin-shape" r={7} />
      </g>
    );
  }
  return (
    <g className={`pin ${state}`} transform={`translate(${x.toFixed(1)} ${y.toFixed(1)})`}>
      <path
        className="pin-shape"
        d={`M${-w / 2} ${-PIN_H - 6}h${w}v${PIN_H}h${-w / 2 + 6}l-6 6l-6 -6h${-w / 2 + 6}z`}
      />
      <text className="pin-text" x={0} y={-PIN_H / 2 - 6} dominantBaseline="central" textAnchor="middle">
        {text}
      </text>
    </g>
  );
}

export function HotelMap({ pins, stay, selected, hovered, onSelect, onHover }: Props) {
  const [box, size] = useBoxSize();
  const pad = { top: PIN_H + 14, right: 60, bottom: 34, left: 60 };
  const locations = pins.map((p) => p.hotel.location);
  // Fitted to the city's hotels; one far out (by the airport) stands at the edge, in its direction.
  const projection = fitProjection(mainCluster(locations), { ...size, pad });
  const placed = pins.map((pin) => {
    const at = projection.at(pin.hotel.location);
    const x = Math.min(Math.max(at.x, pad.left), size.width - pad.right);
    const y = Math.min(Math.max(at.y, pad.top), size.height - pad.bottom);
    return { pin, x, y, far: x !== at.x || y !== at.y };
  });
  const labelled = labelsThatFit(
    placed.map(({ pin, x, y }) => {
      const width = pinWidth(pin.short);
      return { x: x - width / 2, y: y - PIN_H - 6, width, height: PIN_H + 6 };
    }),
  );
  const neighbourhoods = Map.groupBy(pins, (p) => p.hotel.neighborhood);
  const centre = projection.at(centreOf(mainCluster(locations)));
  const scale = scaleBar(projection.pxPerKm, Math.min(140, size.width / 3));
  const chosen = pins.find((p) => p.hotel.id === selected);
  const onTop = [hovered, selected].filter((id, i, all) => id && all.indexOf(id) === i);
  const key = (id: string) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(id);
    }
  };
  return (
    <div className="hotel-map" data-testid="hotel-map">
      <div ref={box} className="hotel-map-box">
        <svg
          width={size.width}
          height={size.height}
          viewBox={`0 0 ${size.width} ${size.height}`}
          role="group"
          aria-label={`Map of ${pins.length} hotels by where they are; each pin shows its price`}
        >
          <rect className="map-ground" width={size.width} height={size.height} />
          {[...neighbourhoods].map(([name, group]) => {
            const at = projection.at(centreOf(mainCluster(group.map((p) => p.hotel.location))));
            if (at.x < 0 || at.x > size.width || at.y < 0 || at.y > size.height) return null;
            return (
              <text key={name} className="map-area" x={at.x} y={at.y + 18} textAnchor="middle" aria-hidden="true">
                {name}
              </text>
            );
          })}
          <g className="map-centre" transform={`translate(${centre.x} ${centre.y})`} aria-hidden="true">
            <circle r={5} />
            <text y={-9} textAnchor="middle">
              Centre
            </text>
          </g>
          <g className="map-scale" transform={`translate(12 ${size.height - 14})`} aria-hidden="true">
            <path d={`M0 -5v5h${scale.px.toFixed(1)}v-5`} />
            <text x={scale.px + 6} y={0}>
              {scale.text}
            </text>
          </g>
          {placed.map(({ pin: { hotel, short, full, per }, x, y, far }, i) => {
            const state = hotel.id === selected ? 'selected' : hotel.id === hovered ? 'hovered' : '';
            const where = far ? `, ${hotel.distanceKm} km from the centre (off the map, at its edge)` : '';
            return (
              <g
                key={hotel.id}
                role="button"
                tabIndex={0}
                aria-pressed={hotel.id === selected}
                // The pin's own text first (as shown, in whole dollars), then the hotel and its exact price.
                aria-label={`${short}: ${hotel.name}, ${hotel.neighborhood}${where}: ${full} ${per}, rated ${hotel.rating.toFixed(1)} out of 10`}
                data-testid="map-pin"
                data-hotel={hotel.id}
                className={far ? 'pin-button far' : 'pin-button'}
                onClick={() => onSelect(hotel.id)}
                onKeyDown={key(hotel.id)}
                onMouseEnter={() => onHover(hotel.id)}
                onMouseLeave={() => onHover(undefined)}
                onFocus={() => onHover(hotel.id)}
                onBlur={() => onHover(undefined)}
              >
                <Pin x={x} y={y} text={short} state={state} dot={!labelled[i]} />
              </g>
            );
          })}
          {/* The marked pins drawn again on top, so that a neighbour never hides them (the buttons keep their order). */}
          <g aria-hidden="true" className="pins-on-top">
            {onTop.map((id) => {
              const shown = placed.find((p) => p.pin.hotel.id === id);
              if (!shown) return null;
              return (
                <Pin
                  key={id}
                  x={shown.x}
                  y={shown.y}
                  text={shown.pin.short}
                  state={id === selected ? 'selected' : 'hovered'}
                />
              );
            })}
          </g>
        </svg>
      </div>
      <p className="hotel-map-chosen" aria-live="polite" data-testid="map-selection">
        {chosen ? (
          <>
            <strong>{chosen.hotel.name}</strong>
            <span className="muted">
              {' '}
              · {chosen.hotel.neighborhood} · {chosen.hotel.rating.toFixed(1)} / 10 · {chosen.full} {chosen.per}
            </span>{' '}
            <Link to={`/hotels/${chosen.hotel.id}?${stay}`}>See rooms</Link>
          </>
        ) : (
          <span className="muted">Choose a pin to see its hotel here and in the list.</span>
        )}
      </p>
    </div>
  );
}
