-- Deals found in search's price events, and travelers' watches on prices and inventory with their alerts.
CREATE TABLE deals (
  kind text NOT NULL CHECK (kind IN ('flight', 'room', 'car')),
  listing_id bigint NOT NULL,
  unit text NOT NULL DEFAULT '',
  title text NOT NULL,
  city text NOT NULL,
  price_minor bigint NOT NULL,
  reference_minor bigint NOT NULL,
  discount_pct int NOT NULL,
  score smallint NOT NULL,
  reasons text[] NOT NULL,
  tags text[] NOT NULL,
  event_id bigint NOT NULL,
  context jsonb NOT NULL,
  found_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, listing_id, unit)
);
CREATE INDEX deals_score_idx ON deals (score DESC, found_at DESC);

CREATE TABLE deal_subscriptions (
  user_id uuid PRIMARY KEY,
  cities text[] NOT NULL DEFAULT '{}',
  kinds text[] NOT NULL DEFAULT '{}',
  min_score smallint NOT NULL DEFAULT 3,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE watches (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL,
  target jsonb NOT NULL,
  price_below bigint,
  inventory_below int,
  -- Armed until it fires; re-armed once the price (or inventory) is back at or above the threshold.
  armed boolean NOT NULL DEFAULT true,
  -- A bundle's components: their keys, current unit prices and multipliers (the bundle's total is their sum).
  state jsonb NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (price_below IS NOT NULL OR inventory_below IS NOT NULL)
);
CREATE INDEX watches_user_idx ON watches (user_id, created_at DESC);

-- Which price events concern which watch: a listing's unit (flight:12:economy, room:7:, car:3:) or a route-date.
CREATE TABLE watch_keys (
  key text NOT NULL,
  watch_id uuid NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
  PRIMARY KEY (key, watch_id)
);

CREATE TABLE watch_alerts (
  id bigserial PRIMARY KEY,
  watch_id uuid NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz
);
CREATE INDEX watch_alerts_pending_idx ON watch_alerts (user_id, id) WHERE delivered_at IS NULL;
