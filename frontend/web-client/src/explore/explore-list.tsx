import type { ExploreDestination } from '@tripwise/contracts';
import { Link } from 'react-router';
import { daysBetween } from '../search/dates.ts';
import { labelOf } from '../search/labels.ts';
import { formatDate, formatMoney, plural } from '../ui/format.ts';
import { flightSearchPath } from './explore-query.ts';

const fahrenheit = (c: number) => Math.round((c * 9) / 5 + 32);

/** One destination: where, its best dates and price, why it fits, and the flight search that opens it. */
function Destination({ item, params }: { item: ExploreDestination; params: URLSearchParams }) {
  const { destination: d } = item;
  const nights = daysBetween(item.departDate, item.returnDate);
  return (
    <li className="card explore-item" data-testid="explore-destination" id={`destination-${d.code}`}>
      <div className="explore-head">
        <h3>
          <span data-testid="explore-city">{d.city}</span>
          <span className="muted small">
            {' '}
            {d.country} · {d.airports.join(', ')}
          </span>
        </h3>
        <span className="price" data-testid="explore-price">
          {formatMoney(item.price)}
        </span>
      </div>
      <p>
        {formatDate(item.departDate)} – {formatDate(item.returnDate)} ({plural(nights, 'night')}) ·{' '}
        {item.stops === 0 ? 'nonstop' : `up to ${plural(item.stops, 'stop')}`}{' '}
        <span className="muted small">· round trip per person</span>
      </p>
      {(item.averageHighC !== null || item.themes.length > 0) && (
        <p className="explore-why">
          {item.averageHighC !== null && (
            <span data-testid="explore-high">
              Average high {item.averageHighC} °C ({fahrenheit(item.averageHighC)} °F)
            </span>
          )}
          {item.themes.map((t) => (
            <span key={t} className="badge">
              {labelOf(t)}
            </span>
          ))}
        </p>
      )}
      {item.near.length > 0 && (
        <p className="muted small">Near {item.near.map((n) => `${n.name} (${n.km} km)`).join(', ')}</p>
      )}
      <Link
        className="button"
        to={flightSearchPath(item.search, params)}
        aria-label={`See flights to ${d.city} from ${formatMoney(item.price)}`}
      >
        See flights
      </Link>
    </li>
  );
}

export function ExploreList({ items, params }: { items: ExploreDestination[]; params: URLSearchParams }) {
  return (
    <ol className="explore-list" aria-label="Destinations, cheapest first">
      {items.map((item) => (
        <Destination key={item.destination.code} item={item} params={params} />
      ))}
    </ol>
  );
}
