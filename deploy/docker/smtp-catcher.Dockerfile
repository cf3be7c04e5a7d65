# The development SMTP catcher: MailDev (npm, pinned by deploy/docker/smtp-catcher/package-lock.json) on Node 24.
# SMTP on 1025, the web inbox and its REST API on 1080. For compose only; production sends through SMTP_URL.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS install
WORKDIR /opt/smtp-catcher
COPY deploy/docker/smtp-catcher/package.json deploy/docker/smtp-catcher/package-lock.json ./
RUN --mount=type=secret,id=npm_ca,required=false \
    --mount=type=cache,target=/root/.npm,sharing=locked \
    if [ -s /run/secrets/npm_ca ]; then export npm_config_cafile=/run/secrets/npm_ca; fi \
 && npm ci --omit=dev --no-audit --no-fund --ignore-scripts --update-notifier=false \
 && rm -rf /root/.npm/_logs

FROM ${NODE_IMAGE}
ARG VERSION=dev
ARG COMMIT=unknown
LABEL org.opencontainers.image.title="tripwise smtp-catcher (MailDev)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${COMMIT}"
COPY --from=install /opt/smtp-catcher /opt/smtp-catcher
USER node
EXPOSE 1025 1080
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:1080/api/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "/opt/smtp-catcher/node_modules/maildev/dist/bin/maildev.js", "--ip", "0.0.0.0", "--smtp", "1025", "--web", "1080"]
