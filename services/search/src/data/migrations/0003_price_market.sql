-- The price market: each priced unit remembers the price it reverts to, and every change is kept.
-- NULL until the market first moves the price: then the listed price becomes the base it reverts to.
ALTER TABLE flight_cabins ADD COLUMN base_price_minor bigint;
ALTER TABLE room_types ADD COLUMN base_price_minor bigint;
ALTER TABLE cars ADD COLUMN base_price_minor bigint;

-- kind: flight (unit = the cabin), room (unit = ''), car (unit = '').
CREATE TABLE price_history (
  kind text NOT NULL CHECK (kind IN ('flight', 'room', 'car')),
  listing_id bigint NOT NULL,
  unit text NOT NULL DEFAULT '',
  at timestamptz NOT NULL DEFAULT now(),
  price_minor bigint NOT NULL,
  reason text NOT NULL
);
CREATE INDEX price_history_listing_idx ON price_history (kind, listing_id, unit, at DESC);

-- Impressions (shown in results) and detail views per listing per day, for owners' analytics.
CREATE TABLE listing_stats (
  kind text NOT NULL CHECK (kind IN ('flight', 'hotel', 'car')),
  listing_id bigint NOT NULL,
  day date NOT NULL,
  impressions bigint NOT NULL DEFAULT 0,
  views bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, listing_id, day)
);
