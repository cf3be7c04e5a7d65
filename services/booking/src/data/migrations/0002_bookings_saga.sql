-- Bookings as a saga: each row records how far its steps got (hold, payment authorised, hold confirmed, captured)
-- so that a crash at any point is finished or undone on restart. No booking was ever stored in 0001's table.
DROP TABLE bookings;

CREATE TABLE bookings (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled', 'failed')),
  -- The last step done: started, held, authorized, hold-confirmed, done (confirmed), compensated (failed),
  -- cancelling (a cancellation under way), cancelled.
  step text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('flight', 'hotel', 'car', 'trip')),
  idempotency_key text NOT NULL,
  request_fingerprint text NOT NULL,
  contact jsonb NOT NULL,
  subtotal_minor bigint NOT NULL CHECK (subtotal_minor >= 0),
  taxes_minor bigint NOT NULL CHECK (taxes_minor >= 0),
  fees_minor bigint NOT NULL CHECK (fees_minor >= 0),
  total_minor bigint NOT NULL CHECK (total_minor >= 0),
  currency char(3) NOT NULL,
  price_lines jsonb NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  payment_id text,
  card_brand text,
  card_last4 text,
  billing_name text NOT NULL,
  billing_address jsonb NOT NULL,
  -- Why it failed (the problem answered), or what a cancellation refunds.
  outcome jsonb,
  refund_minor bigint NOT NULL DEFAULT 0,
  -- Whoever works on a pending booking (the request, or a recovery worker) holds it until then.
  lease_until timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz,
  UNIQUE (user_id, idempotency_key)
);
CREATE INDEX bookings_user_idx ON bookings (user_id, created_at DESC, id DESC);
CREATE INDEX bookings_unfinished_idx ON bookings (lease_until) WHERE step NOT IN ('done', 'compensated', 'cancelled');
CREATE INDEX bookings_created_idx ON bookings (created_at);

CREATE TABLE booking_items (
  booking_id uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
  position smallint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('flight', 'room', 'car')),
  listing_id bigint NOT NULL,
  parent_id bigint,
  owner_id uuid,
  provider_kind text NOT NULL,
  provider_id text NOT NULL,
  provider_name text NOT NULL,
  title text NOT NULL,
  subtitle text NOT NULL,
  city text NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  quantity int NOT NULL CHECK (quantity > 0),
  units int NOT NULL CHECK (units > 0),
  unit_price_minor bigint NOT NULL,
  subtotal_minor bigint NOT NULL,
  taxes_minor bigint NOT NULL,
  fees_minor bigint NOT NULL,
  -- The item as asked for (cabin, dates and times) and its travelers: passengers, lead guest or driver.
  request jsonb NOT NULL,
  travelers jsonb NOT NULL,
  policy jsonb NOT NULL,
  PRIMARY KEY (booking_id, position)
);
CREATE INDEX booking_items_owner_idx ON booking_items (owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX booking_items_listing_idx ON booking_items (kind, listing_id);

-- Every movement of money with the card processor: a charge (authorised, then captured or voided) or a refund.
CREATE TABLE payments (
  id text PRIMARY KEY,
  booking_id uuid NOT NULL REFERENCES bookings (id),
  kind text NOT NULL CHECK (kind IN ('charge', 'refund')),
  amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
  currency char(3) NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_booking_idx ON payments (booking_id);

-- One record per payment and per refund, as accounts and invoices need them.
CREATE TABLE billing_records (
  id bigserial PRIMARY KEY,
  billing_number text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('payment', 'refund')),
  user_id uuid NOT NULL,
  booking_id uuid NOT NULL REFERENCES bookings (id),
  booking_type text NOT NULL,
  billed_at timestamptz NOT NULL DEFAULT now(),
  subtotal_minor bigint NOT NULL,
  taxes_minor bigint NOT NULL,
  fees_minor bigint NOT NULL,
  amount_minor bigint NOT NULL,
  currency char(3) NOT NULL,
  tax_lines jsonb NOT NULL,
  fee_lines jsonb NOT NULL,
  method text NOT NULL,
  status text NOT NULL,
  invoice jsonb NOT NULL,
  UNIQUE (booking_id, kind)
);
CREATE INDEX billing_records_billed_idx ON billing_records (billed_at, id);
CREATE INDEX billing_records_user_idx ON billing_records (user_id, billed_at);

-- Events written in the same transaction as the change they announce, then published (at least once).
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  topic text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL;
