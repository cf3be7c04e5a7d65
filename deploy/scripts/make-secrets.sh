#!/usr/bin/env bash
# Makes the secret files the compose files read, unless they exist: random passwords and keys, and a local TLS
# certificate (nginx/make-local-cert.sh) for https://localhost. Usage: deploy/scripts/make-secrets.sh [folder]
# (default data/secrets, ignored by git). In production, put the real certificate and key in the folder (tls_cert,
# tls_key) or point TLS_CERT_FILE and TLS_KEY_FILE at them, and keep the folder on the host only.
# Files are world-readable inside an owner-only folder: compose (without swarm) mounts them as they are, and the
# containers' users (node, nginx, postgres) are not this machine's owner.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${1:-$repo/data/secrets}"
mkdir -p "$dir"
chmod 700 "$dir"

make_secret() {
  local name="$1"
  shift
  [ -s "$dir/$name" ] && return
  "$@" >"$dir/$name.tmp"
  chmod 444 "$dir/$name.tmp"
  mv "$dir/$name.tmp" "$dir/$name"
  echo "made $dir/$name"
}
hex() { openssl rand -hex "$1" | tr -d '\n'; }

make_secret postgres_password hex 24
make_secret redis_password hex 24
make_secret internal_service_token hex 32
make_secret auth_data_key sh -c 'openssl rand -base64 32 | tr -d "\n"'
make_secret payments_secret_key sh -c "printf 'sk_test_%s' \"\$(openssl rand -hex 24)\""
make_secret grafana_admin_password hex 16
# Empty unless you use an LLM for the agent's intent parser (then also set LLM_BASE_URL and LLM_MODEL).
[ -e "$dir/llm_api_key" ] || install -m 444 /dev/null "$dir/llm_api_key"

if [ ! -s "$dir/tls_cert" ]; then
  "$repo/nginx/make-local-cert.sh" "$dir/certs" >/dev/null 2>"$dir/certs.log" || { cat "$dir/certs.log" >&2; exit 1; }
  rm -f "$dir/certs.log"
  install -m 444 "$dir/certs/fullchain.pem" "$dir/tls_cert"
  install -m 444 "$dir/certs/localhost.key" "$dir/tls_key"
  echo "made $dir/tls_cert and tls_key (trust $dir/certs/ca.pem)"
fi
