#!/usr/bin/env bash
# Deploys one release of Tripwise to a Kubernetes environment, or rolls back to the one before:
#   deploy/scripts/k8s-deploy.sh <staging|production> <image tag>    # the tag is the commit the images were built from
#   deploy/scripts/k8s-deploy.sh <staging|production> --rollback     # the previous tag recorded in the cluster
# Steps: render the overlay with the tag; apply everything but the Deployments; run the migration Jobs and wait
# for them; apply the Deployments and wait for every rollout; record the release (ConfigMap tripwise-release:
# current and previous tag). Uses the current kubectl context (KUBECONFIG). Every wait is bounded.
# DRY_RUN=true prints the manifests it would apply for that tag, and touches no cluster.
set -euo pipefail

env="${1:?usage: k8s-deploy.sh <staging|production> <tag|--rollback>}"
tag="${2:?usage: k8s-deploy.sh <staging|production> <tag|--rollback>}"
here="$(cd "$(dirname "$0")" && pwd)"
overlay="$here/../k8s/overlays/$env"
[ -d "$overlay" ] || { echo "no overlay $overlay" >&2; exit 2; }
case "$env" in production) ns=tripwise ;; *) ns="tripwise-$env" ;; esac
timeout="${ROLLOUT_TIMEOUT:-600s}"

release() { kubectl -n "$ns" get configmap tripwise-release -o "jsonpath={.data.$1}" 2>/dev/null || true; }
current=""
case "${DRY_RUN:-}" in 1 | true) ;; *) current="$(release current)" ;; esac
if [ "$tag" = --rollback ]; then
  tag="$(release previous)"
  [ -n "$tag" ] || { echo "no previous release recorded in $ns" >&2; exit 1; }
  echo "rolling $env back from $current to $tag"
fi
[[ "$tag" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ && "$tag" != latest && "$tag" != unreleased ]] ||
  { echo "not a release tag: $tag" >&2; exit 2; }

manifests="$(mktemp)"
trap 'rm -f "$manifests"' EXIT
# The overlays name ghcr.io/tripwise; IMAGE_PREFIX points them at another registry or owner.
prefix="${IMAGE_PREFIX:-ghcr.io/tripwise/tripwise-}"
kubectl kustomize "$overlay" | sed -e "s/:unreleased\$/:$tag/" -e "s/tripwise@unreleased\$/tripwise@$tag/" \
  -e "s#ghcr.io/tripwise/tripwise-#$prefix#" >"$manifests"
if grep -q 'unreleased$' "$manifests"; then echo "an image or the release kept the placeholder tag" >&2; exit 1; fi
case "${DRY_RUN:-}" in 1 | true) cat "$manifests"; exit 0 ;; esac

# 1. Everything but the Deployments (namespace, configuration, policies, volumes, Services, PDBs, HPAs, Jobs).
kubectl -n "$ns" delete job -l app.kubernetes.io/component=migration --ignore-not-found --wait=true
kubectl apply -f "$manifests" \
  -l 'app.kubernetes.io/component notin (service,gateway,edge)'
# 2. Migrations, before any new code runs.
kubectl -n "$ns" wait job -l app.kubernetes.io/component=migration --for=condition=complete --timeout="$timeout"
# 3. The new code, one instance at a time (maxUnavailable 0), each waited for.
kubectl apply -f "$manifests"
for deployment in $(kubectl -n "$ns" get deployment -l app.kubernetes.io/part-of=tripwise -o name); do
  kubectl -n "$ns" rollout status "$deployment" --timeout="$timeout"
done
# 4. What is running now, and what to roll back to.
kubectl -n "$ns" create configmap tripwise-release --from-literal=current="$tag" \
  --from-literal=previous="${current:-$tag}" --dry-run=client -o yaml | kubectl apply -f -
echo "$env is at $tag (previous: ${current:-none})"
