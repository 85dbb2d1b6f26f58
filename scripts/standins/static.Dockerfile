# Stand-in for gcr.io/distroless/static-debian12:nonroot: no shell, no package manager, no libc;
# only users, CA certificates, time zones and a writable /tmp.
ARG BASE
FROM ${BASE} AS rootfs
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates tzdata; \
    rm -rf /var/lib/apt/lists/*; \
    mkdir -p /rootfs/etc/ssl/certs /rootfs/usr/share /rootfs/tmp /rootfs/root /rootfs/home/nonroot; \
    cp /etc/ssl/certs/ca-certificates.crt /rootfs/etc/ssl/certs/; \
    cp -a /usr/share/zoneinfo /rootfs/usr/share/; \
    sed 's/^PRETTY_NAME=.*/PRETTY_NAME="Distroless"/' /etc/os-release > /rootfs/etc/os-release; \
    chmod 1777 /rootfs/tmp; chmod 700 /rootfs/root /rootfs/home/nonroot; chown 65532:65532 /rootfs/home/nonroot
COPY rootfs/etc/ /rootfs/etc/

FROM scratch
ARG RECIPE
COPY --from=rootfs /rootfs/ /
# COPY makes files root's unless told otherwise: hand the home directory to nonroot.
COPY --from=rootfs --chown=65532:65532 /rootfs/home/ /home/
LABEL io.harden-init.stand-in="static" io.harden-init.stand-in.recipe="${RECIPE}" \
      io.harden-init.stand-in.note="local stand-in built by scripts/test-env.sh, not the upstream image"
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
USER 65532
WORKDIR /home/nonroot
