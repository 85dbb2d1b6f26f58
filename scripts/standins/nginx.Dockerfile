# Stand-in for docker.io/nginxinc/nginx-unprivileged (both its alpine and bookworm tags): minbase
# plus Debian's nginx, set up as that image is: listens on 8080, pid and temp files in /tmp, logs
# to stdout/stderr, serves /usr/share/nginx/html, runs as uid 101. wget stands in for busybox's.
ARG BASE
FROM ${BASE}
ARG RECIPE
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends nginx wget; \
    rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /etc/nginx/sites-enabled/* /var/www/html; \
    groupadd --system --gid 101 nginx-unpriv; \
    useradd --system --uid 101 --gid 101 --home-dir /nonexistent --shell /usr/sbin/nologin nginx-unpriv; \
    mkdir -p /usr/share/nginx/html /var/log/nginx; \
    ln -sf /dev/stdout /var/log/nginx/access.log; ln -sf /dev/stderr /var/log/nginx/error.log; \
    printf '%s\n' '<!doctype html><title>nginx stand-in</title>' > /usr/share/nginx/html/index.html; \
    printf '%s\n' \
      'worker_processes auto;' \
      'error_log /dev/stderr notice;' \
      'pid /tmp/nginx.pid;' \
      'events { worker_connections 1024; }' \
      'http {' \
      '  client_body_temp_path /tmp/client_temp;' \
      '  proxy_temp_path /tmp/proxy_temp_path;' \
      '  fastcgi_temp_path /tmp/fastcgi_temp;' \
      '  uwsgi_temp_path /tmp/uwsgi_temp;' \
      '  scgi_temp_path /tmp/scgi_temp;' \
      '  include /etc/nginx/mime.types;' \
      '  default_type application/octet-stream;' \
      '  access_log /dev/stdout;' \
      '  sendfile on;' \
      '  include /etc/nginx/conf.d/*.conf;' \
      '}' > /etc/nginx/nginx.conf; \
    printf '%s\n' \
      'server {' \
      '  listen 8080;' \
      '  server_name localhost;' \
      '  location / { root /usr/share/nginx/html; index index.html index.htm; }' \
      '}' > /etc/nginx/conf.d/default.conf; \
    nginx -t
LABEL io.harden-init.stand-in="nginx" io.harden-init.stand-in.recipe="${RECIPE}" \
      io.harden-init.stand-in.note="local stand-in built by scripts/test-env.sh, not the upstream image"
EXPOSE 8080
STOPSIGNAL SIGQUIT
USER 101
CMD ["nginx", "-g", "daemon off;"]
