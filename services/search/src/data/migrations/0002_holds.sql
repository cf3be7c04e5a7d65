-- Holds the booking service places on inventory while it takes payment: confirmed, released, or expired by the
-- sweeper. The counters (seats_taken, room_nights, car_days) always include held and confirmed units.
CREATE TABLE holds (
  id uuid PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('held', 'confirmed', 'released', 'expired')),
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX holds_expiry_idx ON holds (expires_at) WHERE status = 'held';

CREATE TABLE hold_items (
  hold_id uuid NOT NULL REFERENCES holds (id) ON DELETE CASCADE,
  position smallint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('flight', 'room', 'car')),
  -- flight id, room type id or car id
  listing_id bigint NOT NULL,
  cabin text,
  first_day date,
  -- The last day held, inclusive: the night before check-out for rooms, the drop-off day for cars.
  last_day date,
  quantity int NOT NULL CHECK (quantity > 0),
  unit_price_minor bigint NOT NULL,
  PRIMARY KEY (hold_id, position)
);
