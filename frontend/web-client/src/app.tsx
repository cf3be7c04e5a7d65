import { useState } from 'react';
import { ServiceStatus } from './service-status.tsx';

const TABS = ['Flights', 'Hotels', 'Cars', 'AI Mode'] as const;
type Tab = (typeof TABS)[number];

export function App() {
  const [tab, setTab] = useState<Tab>('Flights');
  return (
    <div className="page">
      <header>
        <h1>Tripwise</h1>
        <p>Search and book flights, hotels and rental cars, or let the AI concierge plan the whole trip.</p>
      </header>
      <nav role="tablist" aria-label="What to search">
        {TABS.map((name) => (
          <button key={name} role="tab" aria-selected={tab === name} onClick={() => setTab(name)}>
            {name}
          </button>
        ))}
      </nav>
      <main role="tabpanel" aria-label={tab}>
        <p>{tab} search is being built: this page shows which services are up.</p>
        <ServiceStatus />
      </main>
    </div>
  );
}
