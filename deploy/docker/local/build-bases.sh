#!/usr/bin/env bash
# Builds the local stand-ins for the upstream base images, for machines that cannot pull from any registry.
# Everyone else uses the real images (node:24-bookworm-slim, postgres:17-bookworm, redis:7-bookworm, …), which are
# the defaults of every Dockerfile and of the compose files; this script only makes local images with the same
# interface and prints nothing but progress.
#
#   tripwise-local/debian:bookworm-slim   debootstrap --variant=minbase bookworm, slimmed like debian:bookworm-slim
#   tripwise-local/node:24-bookworm-slim  + Node 24 (the `node` npm package's binary) and npm, user node (uid 1000)
#   tripwise-local/postgres:15            Debian's postgresql-15 behind the official image's entrypoint contract
#   tripwise-local/redis:7                Debian's redis-server (7.0)
#   tripwise-local/nginx:bookworm         Debian's nginx (1.22), user nginx (uid 101) as in the official image
#   tripwise-local/prometheus:bookworm    Debian's prometheus
#   tripwise-local/alertmanager:bookworm  Debian's prometheus-alertmanager
#
# Slow parts are cached between runs in $TRIPWISE_CACHE (default /var/cache/tripwise): the debootstrap tarball and
# npm's tarball. An image already in the engine is kept unless --rebuild is given.
# Needs: root, debootstrap, docker (BuildKit), and the repository's node_modules (npm ci).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
cache="${TRIPWISE_CACHE:-/var/cache/tripwise}"
docker="${DOCKER:-/usr/bin/docker}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
npm_version="${NPM_VERSION:-$(npm --version)}"
rebuild=false
[ "${1:-}" = "--rebuild" ] && rebuild=true
export DOCKER_BUILDKIT=1

have_image() { [ "$rebuild" = false ] && "$docker" image inspect "$1" >/dev/null 2>&1; }
phase() { printf '[bases %4ss] %s\n' "$SECONDS" "$*"; }

mkdir -p "$cache"

# 1. Debian bookworm, minimal, imported from a tarball made once.
debian=tripwise-local/debian:bookworm-slim
rootfs_tar="$cache/debian-bookworm-minbase.tar"
if ! have_image "$debian"; then
  if [ ! -s "$rootfs_tar" ]; then
    phase "debootstrap bookworm (once; cached in $rootfs_tar)"
    work="$(mktemp -d "$cache/rootfs.XXXXXX")"
    trap 'rm -rf "$work"' EXIT
    debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" >"$cache/debootstrap.log" 2>&1 ||
      { tail -20 "$cache/debootstrap.log"; exit 1; }
    # What debian:bookworm-slim leaves out, and keeps out of later installs too.
    cp "$here/dpkg-slim.cfg" "$work/rootfs/etc/dpkg/dpkg.cfg.d/docker-slim"
    cp "$here/apt-slim.conf" "$work/rootfs/etc/apt/apt.conf.d/docker-slim"
    rm -rf "$work/rootfs"/usr/share/{doc,man,info,locale,lintian,linda}/* \
      "$work/rootfs"/var/cache/apt/*.bin "$work/rootfs"/var/cache/apt/archives/*.deb \
      "$work/rootfs"/var/lib/apt/lists/* "$work/rootfs"/var/log/*.log "$work/rootfs"/var/log/apt/*
    tar -C "$work/rootfs" --numeric-owner -cf "$rootfs_tar.tmp" .
    mv "$rootfs_tar.tmp" "$rootfs_tar"
    rm -rf "$work"
    trap - EXIT
  fi
  phase "import $debian"
  "$docker" import --change 'CMD ["bash"]' --change 'ENV LANG=C.UTF-8' "$rootfs_tar" "$debian" >/dev/null
fi

# 2. Node 24 from the `node` npm package's binary (stripped of its symbol table), and npm itself from the registry.
node_image=tripwise-local/node:24-bookworm-slim
if ! have_image "$node_image"; then
  node_bin="$repo/node_modules/node/bin/node"
  [ -x "$node_bin" ] || { echo "no $node_bin: run npm ci first" >&2; exit 1; }
  npm_tgz="$cache/npm-$npm_version.tgz"
  if [ ! -s "$npm_tgz" ]; then
    phase "npm pack npm@$npm_version (once; cached)"
    (cd "$cache" && npm pack --silent "npm@$npm_version" >/dev/null)
  fi
  ctx="$(mktemp -d)"
  cp "$node_bin" "$ctx/node"
  strip "$ctx/node"
  cp "$npm_tgz" "$ctx/npm.tgz"
  phase "build $node_image (Node $("$node_bin" --version), npm $npm_version)"
  "$docker" build -q -t "$node_image" --build-arg "DEBIAN_IMAGE=$debian" -f "$here/node.Dockerfile" "$ctx" >/dev/null
  rm -rf "$ctx"
fi

# 3. The servers, from Debian's packages (apt inside the build needs the host's network).
build_from_debian() {
  local image="$1" dockerfile="$2"
  if have_image "$image"; then return; fi
  phase "build $image"
  "$docker" build -q --network host -t "$image" --build-arg "DEBIAN_IMAGE=$debian" \
    -f "$here/$dockerfile" "$here" >/dev/null
}
# Two at a time (two cores); each failure is reported, and any one fails the script.
in_parallel() {
  local pids=() failed=0
  for spec in "$@"; do
    build_from_debian "${spec%%=*}" "${spec#*=}" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  return "$failed"
}
in_parallel tripwise-local/postgres:15=postgres.Dockerfile tripwise-local/redis:7=redis.Dockerfile
in_parallel tripwise-local/nginx:bookworm=nginx.Dockerfile tripwise-local/prometheus:bookworm=prometheus.Dockerfile
in_parallel tripwise-local/alertmanager:bookworm=alertmanager.Dockerfile
phase "local base images ready"
