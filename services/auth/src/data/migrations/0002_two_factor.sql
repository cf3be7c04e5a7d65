-- TOTP secrets are stored encrypted (AES-256-GCM); the last accepted time step stops a code being used twice.
ALTER TABLE users
  ADD COLUMN totp_secret_enc text,
  ADD COLUMN totp_pending_secret_enc text,
  ADD COLUMN totp_enabled_at timestamptz,
  ADD COLUMN totp_last_step bigint;

-- Backup codes: HMAC-SHA-256 under the data key, single use.
CREATE TABLE backup_codes (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, code_hash)
);
