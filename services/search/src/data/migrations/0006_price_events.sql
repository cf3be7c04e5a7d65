-- Every price change as the event announced for it, written in the transaction that changes the price: consumers
-- (the AI agent's deals and watches) read it from here after any gap, and it is also published on pub/sub.
CREATE TABLE price_events (
  id bigserial PRIMARY KEY,
  event jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX price_events_created_idx ON price_events (created_at);
