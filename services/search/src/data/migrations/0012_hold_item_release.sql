-- One item of a trip can be cancelled on its own: its hold item gives its inventory back and says when, so a later
-- release of the whole hold does not give it back twice.
ALTER TABLE hold_items ADD COLUMN released_at timestamptz;
