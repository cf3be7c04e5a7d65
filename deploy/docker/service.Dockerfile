# One image pattern for the gateway and every service. Build it through deploy/scripts/build-images.ts, which
# takes each process's workspace and Node flags from scripts/stack/processes.ts (the one place the agent's
# --max-semi-space-size lives), e.g. by hand:
#   DOCKER_BUILDKIT=1 docker build -f deploy/docker/service.Dockerfile --build-arg WORKSPACE=services/auth \
#     [--secret id=npm_ca,src=/etc/ssl/certs/ca-certificates.crt] -t tripwise/auth:dev .
# NODE_IMAGE defaults to the official image; machines without a registry pass a local stand-in.
ARG NODE_IMAGE=node:24-bookworm-slim

# Every workspace's package.json and the lock file, nothing else: the install below is reused until they change.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir -p /manifests \
 && find . -name package.json -not -path '*/node_modules/*' -exec cp --parents {} /manifests/ \; \
 && cp package-lock.json /manifests/

# Production dependencies of the server-side workspaces (without type declarations, source maps and docs), installed once and shared by every image (the same
# layer, stored and pulled once). A registry behind a TLS-intercepting proxy needs its CA: pass it as the
# `npm_ca` secret; it is mounted for this one command and never written into a layer.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=manifests /manifests/ ./
# SERVER_WORKSPACES: the gateway's and every service's folder (with the packages they use, npm adds those).
ARG SERVER_WORKSPACES="api-gateway services/auth services/search services/booking services/ai-agent"
RUN --mount=type=secret,id=npm_ca,required=false \
    --mount=type=cache,target=/root/.npm,sharing=locked \
    if [ -s /run/secrets/npm_ca ]; then export npm_config_cafile=/run/secrets/npm_ca; fi \
 && npm ci --omit=dev --no-audit --no-fund --ignore-scripts --update-notifier=false \
      $(for w in ${SERVER_WORKSPACES}; do printf -- '--workspace=%s ' "$w"; done) \
 && rm -rf /root/.npm/_logs \
 && find node_modules \( -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' -o -name '*.map' -o -iname '*.md' \) \
      -type f -delete

FROM ${NODE_IMAGE} AS runtime
# The workspace this image runs (api-gateway or services/<name>) and Node's flags for it.
ARG WORKSPACE
ARG NODE_FLAGS=""
# Its usual port (scripts/stack/config.ts): the same inside a container as on a laptop.
ARG PORT
ARG VERSION=dev
ARG COMMIT=unknown
LABEL org.opencontainers.image.title="tripwise ${WORKSPACE}" \
      org.opencontainers.image.source="https://github.com/tripwise/tripwise" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${COMMIT}" \
      org.opencontainers.image.licenses="MIT"
ENV NODE_ENV=production \
    NODE_OPTIONS="${NODE_FLAGS}" \
    HOST=0.0.0.0 \
    PORT="${PORT}" \
    DATA_DIR=/app/data \
    TRIPWISE_VERSION="${VERSION}" \
    TRIPWISE_COMMIT="${COMMIT}"
WORKDIR /app
# Owned by root and read-only to the process; only its data folder is writable.
COPY --from=deps /app/ ./
COPY packages/ ./packages/
COPY ${WORKSPACE}/ ./${WORKSPACE}/
COPY deploy/docker/runtime/ ./deploy/docker/runtime/
RUN test -f "${WORKSPACE}/src/index.ts" && test -n "${PORT}" \
 && mkdir -p /app/data /var/lib/tripwise/signing-keys /var/lib/tripwise/photos \
 && chown node:node /app/data /var/lib/tripwise/signing-keys /var/lib/tripwise/photos
USER node
WORKDIR /app/${WORKSPACE}
# The process drains on SIGTERM (stops accepting, finishes what it has, closes its database and store, exits 0)
# within SHUTDOWN_TIMEOUT_MS; give it that long before a kill (compose stop_grace_period, k8s
# terminationGracePeriodSeconds).
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "/app/deploy/docker/runtime/healthcheck.mjs"]
# Every FOO_FILE variable becomes FOO (secrets mounted as files), before the service reads its configuration.
CMD ["node", "--import", "/app/deploy/docker/runtime/secret-files.mjs", "src/index.ts"]
