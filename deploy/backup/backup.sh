#!/usr/bin/env bash
# Backs up each service's schema with pg_dump in custom format, one file per schema, into a folder per run:
#   $BACKUP_DIR/<UTC time>/<schema>.dump, plus SHA256SUMS and the server version.
#   backup.sh once       one backup now, then drop the oldest beyond BACKUP_KEEP
#   backup.sh schedule   once now, then every BACKUP_INTERVAL_SECONDS (compose's backup service; Kubernetes runs
#                        `once` from a CronJob instead)
# Connection: DATABASE_URL (postgresql://user@host:port/db), password in PGPASSWORD or the file DATABASE_PASSWORD_FILE.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL is required (postgresql://user@host:port/database)}"
BACKUP_DIR="${BACKUP_DIR:-/backups}"
BACKUP_SCHEMAS="${BACKUP_SCHEMAS:-auth search booking ai_agent}"
BACKUP_KEEP="${BACKUP_KEEP:-14}"
BACKUP_INTERVAL_SECONDS="${BACKUP_INTERVAL_SECONDS:-86400}"
if [ -n "${DATABASE_PASSWORD_FILE:-}" ]; then PGPASSWORD="$(<"$DATABASE_PASSWORD_FILE")"; export PGPASSWORD; fi

log() { printf '{"time":"%s","service":"backup","level":"%s","message":"%s"}\n' "$(date -u +%FT%TZ)" "$1" "$2"; }

backup_once() {
  local stamp dir tmp schema
  stamp="$(date -u +%Y%m%dT%H%M%SZ)"
  dir="$BACKUP_DIR/$stamp"
  tmp="$BACKUP_DIR/.$stamp.partial"
  mkdir -p "$tmp"
  for schema in $BACKUP_SCHEMAS; do
    pg_dump --dbname="$DATABASE_URL" --format=custom --compress=6 --schema="$schema" --no-owner \
      --file="$tmp/$schema.dump"
  done
  psql --dbname="$DATABASE_URL" -XAtc 'SHOW server_version' >"$tmp/server_version"
  (cd "$tmp" && sha256sum -- *.dump >SHA256SUMS)
  mv "$tmp" "$dir" # a folder without .partial is always complete
  log info "backup $stamp: $(wc -l <"$dir/SHA256SUMS") schemas, $(du -sh "$dir" | cut -f1)"
  # Retention: keep the newest BACKUP_KEEP complete backups.
  find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -name '2*Z' | sort -r | tail -n +"$((BACKUP_KEEP + 1))" |
    while read -r old; do rm -rf -- "$old" && log info "backup $(basename "$old") removed (BACKUP_KEEP=$BACKUP_KEEP)"; done
}

case "${1:-once}" in
  once) backup_once ;;
  schedule)
    trap 'exit 0' TERM INT
    while true; do
      backup_once || log error "backup failed; next try in ${BACKUP_INTERVAL_SECONDS}s"
      sleep "$BACKUP_INTERVAL_SECONDS" &
      wait $!
    done
    ;;
  *) echo "usage: $0 once|schedule" >&2; exit 2 ;;
esac
