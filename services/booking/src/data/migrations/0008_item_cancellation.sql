-- One item of a trip can be cancelled on its own (a hotel night dropped, the car no longer needed): each item keeps
-- its own cancellation (`cancelling` while its inventory and money go back, then `cancelled`) and refund, and a
-- booking gets one refund bill per item so cancelled, besides the one for cancelling what is left of it.
ALTER TABLE booking_items ADD COLUMN cancel_step text CHECK (cancel_step IN ('cancelling', 'cancelled'));
ALTER TABLE booking_items ADD COLUMN refund_minor bigint CHECK (refund_minor >= 0);
ALTER TABLE booking_items ADD COLUMN refund_rule text;
ALTER TABLE booking_items ADD COLUMN cancelled_at timestamptz;

ALTER TABLE billing_records ADD COLUMN item_position smallint;
ALTER TABLE billing_records DROP CONSTRAINT billing_records_booking_id_kind_key;
CREATE UNIQUE INDEX billing_records_once_idx ON billing_records (booking_id, kind, coalesce(item_position, -1));
