-- An owner, an admin and a traveler tell apart why a listing is not live: paused by its owner (back without review),
-- suspended by an admin (with a note), rejected at review (with a note); `removed` is now only a deletion.
-- The new values are not used in this transaction's later migrations (PostgreSQL forbids it before commit).
ALTER TYPE listing_status ADD VALUE IF NOT EXISTS 'paused';
ALTER TYPE listing_status ADD VALUE IF NOT EXISTS 'suspended';
ALTER TYPE listing_status ADD VALUE IF NOT EXISTS 'rejected';
