-- Accounts and their profiles. Emails are unique without regard to case.
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  -- NULL until a password is set (the first admin, invited by a setup link).
  password_hash text,
  role text NOT NULL CHECK (role IN ('traveler', 'owner', 'admin')),
  first_name text,
  last_name text,
  address text,
  city text,
  state char(2),
  zip text,
  phone text,
  profile_image_url text,
  preferences jsonb NOT NULL DEFAULT '{}',
  email_verified_at timestamptz,
  disabled_at timestamptz,
  -- Reset links carry the time of the password they replace, so a change voids every older link.
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_role_idx ON users (role, created_at);
