-- What the booking seed made (npm run seed -w services/booking), once per scale: running it again adds nothing.
CREATE TABLE booking_seed (
  scale text PRIMARY KEY,
  seed int NOT NULL,
  -- Bookings were made over the days before this instant.
  through timestamptz NOT NULL,
  users int NOT NULL,
  bookings int NOT NULL,
  items int NOT NULL,
  billing_records int NOT NULL,
  -- Upcoming bookings whose inventory search holds for them.
  holds int NOT NULL,
  seeded_at timestamptz NOT NULL DEFAULT now()
);

-- Holds still to place in search for a seeding's upcoming bookings (the hold is named by the booking's id): the
-- bookings are committed first, then each hold is placed and confirmed and its row deleted, so an interrupted run
-- is finished by the next one. `positions` are the items search has inventory for.
CREATE TABLE booking_seed_holds (
  scale text NOT NULL REFERENCES booking_seed (scale),
  booking_id uuid NOT NULL REFERENCES bookings (id),
  positions smallint[] NOT NULL,
  PRIMARY KEY (scale, booking_id)
);
