# Local stand-in for nginx:<version>-bookworm: Debian's nginx (1.22) at /usr/sbin/nginx, user nginx (uid 101) and
# /etc/nginx/mime.types as in the official image. Logs go to the container's stdout and stderr.
ARG DEBIAN_IMAGE=tripwise-local/debian:bookworm-slim
FROM ${DEBIAN_IMAGE}
RUN apt-get update && apt-get install -y --no-install-recommends nginx \
 && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/* \
 && groupadd --system --gid 101 nginx \
 && useradd --system --uid 101 --gid nginx --no-create-home --home /nonexistent --shell /bin/false nginx \
 && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log
EXPOSE 80
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
