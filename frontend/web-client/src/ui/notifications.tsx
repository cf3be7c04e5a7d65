import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { useAgentEvent } from '../realtime/use-agent-socket.ts';
import { formatMoney, type Money } from './format.ts';

interface Notice {
  id: string;
  title: string;
  text: string;
  link?: string;
}

interface WatchAlert {
  alertId: number;
  message: string;
  price: Money;
}

interface Deal {
  kind: string;
  listingId: string;
  title: string;
  city: string;
  price: Money;
  discountPct: number;
}

const MAX_SHOWN = 4;

/** Watch alerts and new deals, on whatever page the traveler is, announced politely to screen readers. */
export function Notifications() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const push = useCallback((notice: Notice) => {
    setNotices((shown) => [notice, ...shown.filter((n) => n.id !== notice.id)].slice(0, MAX_SHOWN));
  }, []);
  const dismiss = (id: string) => setNotices((shown) => shown.filter((n) => n.id !== id));

  useAgentEvent<WatchAlert>('watch:alert', (alert) =>
    push({ id: `alert-${alert.alertId}`, title: 'Price alert', text: alert.message, link: '/alerts' }),
  );
  useAgentEvent<Deal>('deal:new', (deal) =>
    push({
      id: `deal-${deal.kind}-${deal.listingId}`,
      title: `Deal: ${deal.discountPct}% off`,
      text: `${deal.title}, ${deal.city}: ${formatMoney(deal.price)}`,
      link: `/${deal.kind === 'flight' ? 'flights' : deal.kind === 'car' ? 'cars' : 'hotels'}/${deal.listingId}`,
    }),
  );

  return (
    <section className="notifications" aria-live="polite" aria-label="Notifications">
      {notices.map((n) => (
        <div key={n.id} className="notice" role="status" data-testid="notification">
          <strong>{n.title}</strong>
          <p>{n.text}</p>
          {n.link && <Link to={n.link}>View</Link>}
          <button type="button" className="link" onClick={() => dismiss(n.id)} aria-label={`Dismiss ${n.title}`}>
            Dismiss
          </button>
        </div>
      ))}
    </section>
  );
}
