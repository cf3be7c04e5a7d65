#!/usr/bin/env bash
# Restores a backup made by backup.sh: every schema in it, or the ones named.
#   restore.sh <backup folder> [schema ...]
# Each schema is checked against SHA256SUMS, dropped (with everything in it) and restored from its dump in one
# transaction: either the whole schema comes back or nothing changes. Stop the services first (they migrate and
# write at start), restore, then start them again.
# Connection: DATABASE_URL, password in PGPASSWORD or the file DATABASE_PASSWORD_FILE.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL is required (postgresql://user@host:port/database)}"
dir="${1:?usage: restore.sh <backup folder> [schema ...]}"
shift
if [ -n "${DATABASE_PASSWORD_FILE:-}" ]; then PGPASSWORD="$(<"$DATABASE_PASSWORD_FILE")"; export PGPASSWORD; fi

(cd "$dir" && sha256sum --quiet --check SHA256SUMS)
if [ $# -eq 0 ]; then
  for f in "$dir"/*.dump; do set -- "$@" "$(basename "$f" .dump)"; done
fi
for schema in "$@"; do
  [ -f "$dir/$schema.dump" ] || { echo "no $schema.dump in $dir" >&2; exit 1; }
  # The drop and the restore in one transaction (psql --single-transaction over pg_restore's script).
  { printf 'DROP SCHEMA IF EXISTS "%s" CASCADE;\n' "$schema"; pg_restore --no-owner --file=- "$dir/$schema.dump"; } |
    psql --dbname="$DATABASE_URL" -X -q -v ON_ERROR_STOP=1 --single-transaction >/dev/null
  echo "restored $schema from $dir"
done
