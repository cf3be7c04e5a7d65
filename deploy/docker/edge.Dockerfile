# The edge: nginx with TLS in front of the gateway, serving the two built frontends. Its configuration is the
# repository's nginx template (nginx/), rendered at build time by the same code `npm run edge` uses.
# Listens on 443 and 80 as user 101 (no root): the container needs net.ipv4.ip_unprivileged_port_start=0
# (compose `sysctls`). The certificate and key are secrets mounted at /run/secrets/tls_cert and tls_key.
ARG NODE_IMAGE=node:24-bookworm-slim
ARG NGINX_IMAGE=nginx:1.28-bookworm

FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir -p /manifests \
 && find . -name package.json -not -path '*/node_modules/*' -exec cp --parents {} /manifests/ \; \
 && cp package-lock.json /manifests/

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN --mount=type=secret,id=npm_ca,required=false \
    --mount=type=cache,target=/root/.npm,sharing=locked \
    if [ -s /run/secrets/npm_ca ]; then export npm_config_cafile=/run/secrets/npm_ca; fi \
 && npm ci --no-audit --no-fund --ignore-scripts --update-notifier=false \
      --workspace=frontend/web-client --workspace=frontend/admin-portal \
 && rm -rf /root/.npm/_logs
COPY tsconfig.base.json ./
COPY packages/ ./packages/
COPY frontend/ ./frontend/
COPY nginx/ ./nginx/
COPY scripts/stack/ ./scripts/stack/
COPY deploy/docker/edge/ ./deploy/docker/edge/
ARG GATEWAY=api-gateway:8080
# Source maps go to Sentry from the deploy workflow (deploy/scripts/upload-source-maps.sh), not to browsers.
RUN npm run build --workspace=frontend/web-client --workspace=frontend/admin-portal \
 && find frontend/web-client/dist frontend/admin-portal/dist -name '*.map' -delete \
 && node deploy/docker/edge/render-config.ts "${GATEWAY}"

FROM ${NGINX_IMAGE}
ARG VERSION=dev
ARG COMMIT=unknown
LABEL org.opencontainers.image.title="tripwise edge" \
      org.opencontainers.image.source="https://github.com/tripwise/tripwise" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${COMMIT}" \
      org.opencontainers.image.licenses="MIT"
COPY --from=build /var/cache/tripwise-edge/ /var/cache/tripwise-edge/
COPY --from=build /app/frontend/web-client/dist/ /usr/share/tripwise/web/
COPY --from=build /app/frontend/admin-portal/dist/ /usr/share/tripwise/admin/
# Logs to the container's output; pid and temporary files in the one folder the user may write.
RUN ln -sf /dev/stdout /var/cache/tripwise-edge/access.log \
 && ln -sf /dev/stderr /var/cache/tripwise-edge/error.log \
 && chown -R 101:101 /var/cache/tripwise-edge
USER 101
EXPOSE 80 443
# SIGQUIT: finish the requests in flight, then exit.
STOPSIGNAL SIGQUIT
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/443"]
ENTRYPOINT []
CMD ["nginx", "-p", "/var/cache/tripwise-edge", "-e", "/var/cache/tripwise-edge/error.log", \
     "-c", "/var/cache/tripwise-edge/nginx.conf", "-g", "daemon off;"]
