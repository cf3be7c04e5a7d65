-- An admin's last decision on a listing, shown to its owner (the note says why it was rejected or suspended).
ALTER TABLE hotels ADD COLUMN review jsonb;
ALTER TABLE cars ADD COLUMN review jsonb;
ALTER TABLE flights ADD COLUMN review jsonb;
ALTER TABLE flights ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();

-- What an owner changed on an approved listing that travelers would read: it waits for review while the approved
-- version stays live. One per listing; a further edit before the decision is folded into it.
CREATE TABLE listing_changes (
  kind text NOT NULL CHECK (kind IN ('hotels', 'cars')),
  listing_id bigint NOT NULL,
  owner_id uuid,
  -- The fields proposed (hotels: `rooms` holds the room types renamed, resized or added).
  patch jsonb NOT NULL,
  changed_fields text[] NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, listing_id)
);
CREATE INDEX listing_changes_submitted_idx ON listing_changes (submitted_at, listing_id);

-- Every change of a listing's state and every admin action on it: who, what, when (the listing's history).
CREATE TABLE listing_events (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  listing_id bigint NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_role text NOT NULL,
  action text NOT NULL,
  note text,
  changed_fields text[]
);
CREATE INDEX listing_events_listing_idx ON listing_events (kind, listing_id, id);
CREATE INDEX listing_events_admin_idx ON listing_events (id) WHERE actor_role = 'admin';

-- The listings pages of owners and admins: by status, newest change first, a page at a time.
CREATE INDEX hotels_status_updated_idx ON hotels (status, updated_at, id);
CREATE INDEX cars_status_updated_idx ON cars (status, updated_at, id);
CREATE INDEX hotels_owner_updated_idx ON hotels (owner_id, updated_at, id);
CREATE INDEX cars_owner_updated_idx ON cars (owner_id, updated_at, id);
CREATE INDEX hotels_updated_idx ON hotels (updated_at, id);
CREATE INDEX cars_updated_idx ON cars (updated_at, id);
-- No such index on flights: hundreds of thousands are written at a first start and thousands a day by the rolling
-- window, and only admins list them (a top-N sort).
