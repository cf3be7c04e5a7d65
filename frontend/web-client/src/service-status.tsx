import { useEffect, useState } from 'react';

const SERVICES = [
  { name: 'auth', path: '/api/auth/ready' },
  { name: 'search', path: '/api/search/ready' },
  { name: 'booking', path: '/api/bookings/ready' },
  { name: 'ai-agent', path: '/api/ai/ready' },
] as const;

type Status = 'checking' | 'ready' | 'unavailable';

/** Asks each service, through the gateway, whether it is ready. */
export function ServiceStatus() {
  const [statuses, setStatuses] = useState<Record<string, Status>>({});

  useEffect(() => {
    const controller = new AbortController();
    for (const service of SERVICES) {
      fetch(service.path, { signal: controller.signal })
        .then((res) => setStatuses((s) => ({ ...s, [service.name]: res.ok ? 'ready' : 'unavailable' })))
        .catch(() => {
          if (!controller.signal.aborted) setStatuses((s) => ({ ...s, [service.name]: 'unavailable' }));
        });
    }
    return () => controller.abort();
  }, []);

  return (
    <ul className="status" aria-label="Service status">
      {SERVICES.map((service) => {
        const status = statuses[service.name] ?? 'checking';
        return (
          <li key={service.name} data-status={status}>
            {service.name}: {status}
          </li>
        );
      })}
    </ul>
  );
}
