import type { FlightLayover, FlightOption, FlightSegment, SearchAirport } from '@tripwise/contracts';
import { labelOf } from '../search/labels.ts';
import { formatDate, formatDuration, plural } from '../ui/format.ts';
import { fareRuleOf } from './fare-rules.ts';
import { DayShift, clockOf } from './flight-times.tsx';
import './flights.css';

const place = (a: SearchAirport) => `${a.city} (${a.code})`;

/** "Nonstop", "1 stop" or "2 stops", with where and how long, as a results line reads. */
export function stopsText(it: FlightOption): string {
  if (it.stops === 0) return 'Nonstop';
  if (it.layovers.length === 0) return plural(it.stops, 'stop');
  return `${plural(it.stops, 'stop')}: ${it.layovers.map((l) => `${formatDuration(l.durationMin)} in ${l.airport.code}`).join(', ')}`;
}

/** What a traveler should know about a connection, in words (badges on the card, sentences in the details). */
export function layoverFlags(l: Pick<FlightLayover, 'overnight' | 'short' | 'separateTickets'>) {
  return [
    l.overnight && {
      key: 'overnight',
      badge: 'Overnight layover',
      text: 'Overnight: the next flight leaves the next day.',
    },
    l.short && {
      key: 'short',
      badge: 'Short connection',
      text: 'Short connection: close to the shortest time this airport allows to change planes.',
    },
    l.separateTickets && {
      key: 'separate',
      badge: 'Separate tickets',
      text: 'Separate tickets: collect your bags and check in again; the airlines do not protect this connection.',
    },
  ].filter((f): f is { key: string; badge: string; text: string } => Boolean(f));
}

/** One direction of a trip on one line, as KAYAK and Google Flights list it: times, places, length, stops, airlines. */
export function ItinerarySummary({ itinerary: it, label }: { itinerary: FlightOption; label?: string | undefined }) {
  const flags = new Map(it.layovers.flatMap(layoverFlags).map((f) => [f.key, f.badge]));
  return (
    <div className="itinerary-summary">
      {label && (
        <p className="itinerary-label">
          <span className="badge">{label}</span> <span className="muted">{formatDate(it.departLocal)}</span>
        </p>
      )}
      <div className="itinerary-line">
        <div>
          <strong className="itinerary-times" data-testid="itinerary-times">
            {clockOf(it.departLocal)} – {clockOf(it.arriveLocal)}
            <DayShift departLocal={it.departLocal} arriveLocal={it.arriveLocal} />
          </strong>
          <div className="muted" data-testid="itinerary-airports">
            {place(it.origin)} → {place(it.destination)}
          </div>
        </div>
        <div>
          <div>{formatDuration(it.durationMin)}</div>
          <div className="muted" data-testid="itinerary-stops">
            {stopsText(it)}
          </div>
        </div>
        <div>
          <div>{it.airlines.map((a) => a.name).join(', ')}</div>
          <div className="muted" data-testid="itinerary-flights">
            {it.flightNumber}
          </div>
        </div>
      </div>
      {flags.size > 0 && (
        <ul className="flag-list" aria-label="About the connections">
          {[...flags].map(([key, badge]) => (
            <li key={key} className={`flag flag-${key}`}>
              {badge}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Leg({ leg, cabin }: { leg: FlightSegment; cabin: string }) {
  return (
    <li className="leg">
      <p>
        <strong>{clockOf(leg.departLocal)}</strong> {leg.origin.name} ({leg.origin.code})
      </p>
      <p className="muted leg-middle">
        Travel time {formatDuration(leg.durationMin)} · {leg.airline.name} {leg.flightNumber} · {labelOf(cabin)}
      </p>
      <p>
        <strong>
          {clockOf(leg.arriveLocal)}
          <DayShift departLocal={leg.departLocal} arriveLocal={leg.arriveLocal} />
        </strong>{' '}
        {leg.destination.name} ({leg.destination.code})
      </p>
      <p className="small">{fareRuleOf(leg.refundable)}</p>
    </li>
  );
}

/** Every flight of an itinerary with the connections between them: where, how long, and what to watch for. */
export function ItineraryLegs({ itinerary: it }: { itinerary: FlightOption }) {
  return (
    <ol className="legs">
      {it.legs.map((leg, i) => {
        const layover = it.layovers[i];
        return [
          <Leg key={leg.id} leg={leg} cabin={it.cabin} />,
          layover && (
            <li key={`layover-${leg.id}`} className="layover">
              <strong>
                {formatDuration(layover.durationMin)} layover in {place(layover.airport)}
              </strong>
              {layoverFlags(layover).map((f) => (
                <span key={f.key} className={`layover-note flag-${f.key}`}>
                  {f.text}
                </span>
              ))}
            </li>
          ),
        ];
      })}
    </ol>
  );
}
