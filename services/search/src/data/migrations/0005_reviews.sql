-- Reviews by travelers who stayed, flew or drove (checked with the booking service): one per traveler and
-- listing, rolled up into the listing's rating in the same transaction.
CREATE TABLE reviews (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('hotel', 'car', 'flight')),
  listing_id bigint NOT NULL,
  user_id uuid NOT NULL,
  booking_id uuid NOT NULL,
  -- 1 to 10, as guest ratings are shown.
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 10),
  title text,
  body text NOT NULL,
  author_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, listing_id, user_id)
);
CREATE INDEX reviews_listing_idx ON reviews (kind, listing_id, created_at DESC, id DESC);

ALTER TABLE cars ADD COLUMN rating_tenths smallint CHECK (rating_tenths BETWEEN 0 AND 100);
ALTER TABLE cars ADD COLUMN review_count int NOT NULL DEFAULT 0;
ALTER TABLE flights ADD COLUMN rating_tenths smallint CHECK (rating_tenths BETWEEN 0 AND 100);
ALTER TABLE flights ADD COLUMN review_count int NOT NULL DEFAULT 0;
