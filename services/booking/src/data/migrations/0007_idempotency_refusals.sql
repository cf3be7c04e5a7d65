-- The first definite refusal of a booking request made before any booking row existed (sold out, price changed,
-- not bookable), kept under its Idempotency-Key so that the same key replays it rather than booking later.
CREATE TABLE idempotency_refusals (
  user_id uuid NOT NULL,
  idempotency_key text NOT NULL,
  request_fingerprint text NOT NULL,
  problem jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, idempotency_key)
);
