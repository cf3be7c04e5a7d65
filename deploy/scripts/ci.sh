#!/usr/bin/env bash
# The deploy tests as CI runs them (.ci/run calls this after the unit and browser tests): install Docker, compose
# v1, debootstrap and shellcheck from Debian when missing, start a Docker engine if none answers (loopback only,
# no firewall changes: deploy/scripts/dockerd.sh), remove what an interrupted earlier run left, run
# `npm run test:deploy`, and stop the engine again if this script started it.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$SECONDS
phase() { printf '[ci-deploy %4ss] %s\n' "$((SECONDS - started))" "$*"; }

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v debootstrap >/dev/null 2>&1 || [ -x /usr/sbin/debootstrap ] || missing+=(debootstrap)
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
if [ ${#missing[@]} -gt 0 ]; then
  phase "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${missing[@]}" >/dev/null ||
    (apt-get update -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null)
fi

engine="$(deploy/scripts/dockerd.sh start)"
phase "docker engine: $engine"
if [ "$engine" = started ]; then trap 'deploy/scripts/dockerd.sh stop >/dev/null || true' EXIT; fi

# Test stacks of a run that was killed before its cleanup (project names tripwise-deploytest-<pid>).
docker="${DOCKER:-/usr/bin/docker}"
leftovers="$("$docker" ps -aq --filter label=com.docker.compose.project | xargs -r "$docker" inspect \
  -f '{{index .Config.Labels "com.docker.compose.project"}}' | grep '^tripwise-deploytest-' | sort -u || true)"
for project in $leftovers; do
  phase "removing the leftover test stack $project"
  "$docker" ps -aq --filter "label=com.docker.compose.project=$project" | xargs -r "$docker" rm -f >/dev/null
  "$docker" volume ls -q --filter "label=com.docker.compose.project=$project" | xargs -r "$docker" volume rm >/dev/null
  "$docker" network ls -q --filter "label=com.docker.compose.project=$project" | xargs -r "$docker" network rm >/dev/null
done

phase "npm run test:deploy"
DEPLOY_REQUIRE_DOCKER=true npm run test:deploy
# The test's image tags go (the build cache stays, so the next run is warm); a week-old cache goes too.
"$docker" images --format '{{.Repository}}:{{.Tag}}' | grep ':deploytest-' | xargs -r "$docker" rmi >/dev/null || true
"$docker" builder prune -f --filter until=168h >/dev/null || true
phase "deploy tests passed"
