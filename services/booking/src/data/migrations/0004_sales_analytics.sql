-- Sales per listing per day (the day a booking was made), kept up to date in the transaction that confirms or
-- cancels a booking, so that the admin and owner dashboards read a few thousand rows, not every booking.
CREATE TABLE sales_daily (
  day date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('flight', 'room', 'car')),
  listing_id bigint NOT NULL,
  parent_id bigint,
  owner_id uuid,
  provider_kind text NOT NULL,
  provider_id text NOT NULL,
  provider_name text NOT NULL,
  title text NOT NULL,
  city text NOT NULL,
  bookings int NOT NULL DEFAULT 0,
  units_sold int NOT NULL DEFAULT 0,
  revenue_minor bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (day, kind, listing_id)
);
CREATE INDEX sales_daily_owner_idx ON sales_daily (owner_id, day) WHERE owner_id IS NOT NULL;
