# Scheduled database backups (deploy/backup/backup.sh) and the restore command, on the PostgreSQL image whose
# pg_dump matches the server (same major version or newer).
ARG POSTGRES_IMAGE=postgres:17-bookworm
FROM ${POSTGRES_IMAGE}
ARG VERSION=dev
ARG COMMIT=unknown
LABEL org.opencontainers.image.title="tripwise backup" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${COMMIT}"
COPY deploy/backup/backup.sh /usr/local/bin/tripwise-backup
COPY deploy/backup/restore.sh /usr/local/bin/tripwise-restore
USER root
RUN mkdir -p /backups && chown postgres:postgres /backups
USER postgres
VOLUME /backups
ENTRYPOINT []
CMD ["tripwise-backup", "schedule"]
