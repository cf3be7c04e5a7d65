-- The days of generated flights in the inventory: the rolling window adds the missing ones ahead and removes the
-- ones past (see domain/inventory/roll-window.use-case.ts). A day not listed here has no generated flights yet, or
-- flights of an older generator that the next roll replaces.
CREATE TABLE flight_days (
  day date PRIMARY KEY,
  flights int NOT NULL,
  -- The scale and seed the day was generated with.
  scale text NOT NULL,
  seed int NOT NULL,
  generated_at timestamptz NOT NULL DEFAULT now()
);

-- Connections are built from legs at search time: the legs leaving the origin on a day and those reaching the
-- destination are read by these, not by a scan of the day.
CREATE INDEX flights_origin_day_idx ON flights (origin, depart_date) WHERE status = 'active';
CREATE INDEX flights_destination_day_idx ON flights (destination, depart_date) WHERE status = 'active';

-- Holds name flights by id: the roll keeps a past flight that a booking's hold still names.
CREATE INDEX hold_items_listing_idx ON hold_items (kind, listing_id);
