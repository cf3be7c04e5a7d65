-- Raw events, kept INSIGHTS_RETENTION_DAYS (a background task deletes older ones). No personal data: routes are
-- templates, keys are slugs, the user key is the account's opaque id.
CREATE TABLE insight_events (
  id bigserial PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  session_id uuid NOT NULL,
  user_key uuid,
  device text NOT NULL,
  type text NOT NULL,
  route text NOT NULL,
  element text,
  section text,
  visible_ms integer,
  listing_kind text,
  listing_id text
);
CREATE INDEX insight_events_time_idx ON insight_events (occurred_at);
CREATE INDEX insight_events_user_idx ON insight_events (user_key, occurred_at) WHERE user_key IS NOT NULL;
CREATE INDEX insight_events_session_idx ON insight_events (session_id, occurred_at);

-- Daily rollups, kept long-term: one row per day, dimension (page, listing, section, element, funnel) and key.
-- `listing` is '' when the row is not about one listing. Recomputed whole for recent days (idempotent).
CREATE TABLE insight_daily (
  day date NOT NULL,
  dimension text NOT NULL,
  key text NOT NULL,
  listing text NOT NULL DEFAULT '',
  views bigint NOT NULL DEFAULT 0,
  clicks bigint NOT NULL DEFAULT 0,
  impressions bigint NOT NULL DEFAULT 0,
  bookings bigint NOT NULL DEFAULT 0,
  card_clicks bigint NOT NULL DEFAULT 0,
  sessions bigint NOT NULL DEFAULT 0,
  seen bigint NOT NULL DEFAULT 0,
  visible_ms bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (dimension, day, key, listing)
);
CREATE INDEX insight_daily_listing_idx ON insight_daily (listing, day) WHERE listing <> '';

-- Cohort facts of user keys, asked of auth (home city and state from the profile, sign-up month): never IP-derived.
-- `fetched_at` lets a moved traveler's city be refreshed; a key auth does not know stays with nulls.
CREATE TABLE insight_profiles (
  user_key uuid PRIMARY KEY,
  city text,
  state text,
  signup_month text,
  fetched_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX insight_profiles_place_idx ON insight_profiles (state, city);
