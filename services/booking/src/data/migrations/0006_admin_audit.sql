-- What admins did to other people's bookings (a cancellation on a traveler's behalf): who, what, when.
CREATE TABLE admin_audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid NOT NULL,
  action text NOT NULL,
  booking_id uuid,
  user_id uuid,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX admin_audit_actor_idx ON admin_audit (actor_id, id);
CREATE INDEX admin_audit_at_idx ON admin_audit (at);
