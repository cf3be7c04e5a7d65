#!/usr/bin/env bash
# Uploads the two frontends' source maps to Sentry under the release the deployment reports its errors as
# (SENTRY_RELEASE, e.g. tripwise@<tag>), so that browser stack traces read as source. The bundles do not point at
# their maps (vite's 'hidden' source maps) and the edge image does not ship them: only Sentry has them.
# Run by the deploy workflow; does nothing without SENTRY_AUTH_TOKEN. Needs SENTRY_ORG, SENTRY_PROJECT and
# SENTRY_RELEASE; SENTRY_URL for a self-hosted Sentry. The frontends build the same hashed file names as the image.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ -z "${SENTRY_AUTH_TOKEN:-}" ]; then
  echo "no SENTRY_AUTH_TOKEN: source maps not uploaded"
  exit 0
fi
: "${SENTRY_ORG:?SENTRY_ORG names the Sentry organisation}"
: "${SENTRY_PROJECT:?SENTRY_PROJECT names the Sentry project}"
: "${SENTRY_RELEASE:?SENTRY_RELEASE names the release, as the services report it}"

# Pinned, like every other tool the pipeline runs.
sentry_cli=(npx --yes @sentry/cli@3.8.0)
npm run build --workspace=frontend/web-client --workspace=frontend/admin-portal
"${sentry_cli[@]}" releases new "$SENTRY_RELEASE"
# The web client is served at the site's root, the portal under /admin/ (nginx/tripwise.conf.template). Sentry's
# '~/' means any host, not a home folder.
# shellcheck disable=SC2088
"${sentry_cli[@]}" sourcemaps upload --release "$SENTRY_RELEASE" --url-prefix '~/' frontend/web-client/dist
# shellcheck disable=SC2088
"${sentry_cli[@]}" sourcemaps upload --release "$SENTRY_RELEASE" --url-prefix '~/admin/' \
  frontend/admin-portal/dist
"${sentry_cli[@]}" releases finalize "$SENTRY_RELEASE"
