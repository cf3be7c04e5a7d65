import { RequireSignIn } from '../../ui/require-sign-in.tsx';
import { DealSubscription } from './deal-subscription.tsx';
import { WatchList } from './watch-list.tsx';

/** Price alerts (watches on routes, listings and AI trips) and deal alerts, in one place to see, change and stop. */
export function AlertsPage() {
  return (
    <RequireSignIn>
      <div>
        <h1>Price alerts</h1>
        <section aria-labelledby="watches-title">
          <h2 id="watches-title">Your price alerts</h2>
          <WatchList />
        </section>
        <section className="card" aria-labelledby="deals-title">
          <h2 id="deals-title">Deal alerts</h2>
          <DealSubscription />
        </section>
      </div>
    </RequireSignIn>
  );
}
