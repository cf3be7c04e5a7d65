-- The built-in card processor simulation (used when PAYMENTS_URL is not set). It stands for a system outside
-- Tripwise, so it keeps its own tables and shares nothing with the booking tables. No card number is stored.
CREATE TABLE sim_payment_intents (
  id text PRIMARY KEY,
  amount bigint NOT NULL,
  currency text NOT NULL,
  status text NOT NULL,
  capture_method text NOT NULL,
  amount_received bigint NOT NULL DEFAULT 0,
  amount_refunded bigint NOT NULL DEFAULT 0,
  brand text NOT NULL,
  last4 text NOT NULL,
  exp_month int NOT NULL,
  exp_year int NOT NULL,
  description text,
  metadata jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sim_payment_intents_booking_idx ON sim_payment_intents ((metadata ->> 'booking_id'));

CREATE TABLE sim_refunds (
  id text PRIMARY KEY,
  payment_intent text NOT NULL REFERENCES sim_payment_intents (id),
  amount bigint NOT NULL,
  status text NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Idempotency-Key: the first answer to a key is kept and replayed; the same key with other parameters is refused.
CREATE TABLE sim_idempotency (
  key text PRIMARY KEY,
  fingerprint text NOT NULL,
  status int NOT NULL,
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
