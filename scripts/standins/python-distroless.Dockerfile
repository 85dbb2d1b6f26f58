# Stand-in for gcr.io/distroless/python3-debian12:nonroot: the static stand-in plus Debian's
# python3.11, its standard library and the shared libraries they load; no shell, no pip.
ARG BASE
ARG STATIC
FROM ${BASE} AS rootfs
COPY copy-with-libs.sh /usr/local/bin/copy-with-libs
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends python3; \
    rm -rf /var/lib/apt/lists/*; \
    mkdir /rootfs; \
    copy-with-libs /rootfs /usr/bin/python3.11 /usr/lib/python3.11; \
    rm -rf /rootfs/usr/lib/python3.11/test /rootfs/usr/lib/python3.11/ensurepip /rootfs/usr/lib/python3.11/idlelib /rootfs/usr/lib/python3.11/tkinter; \
    ln -s python3.11 /rootfs/usr/bin/python3; \
    chroot /rootfs /usr/bin/python3 -c 'import ssl, json, http.server, sqlite3; print("ok")'

FROM ${STATIC}
ARG RECIPE
COPY --from=rootfs /rootfs/ /
LABEL io.harden-init.stand-in="python-distroless" io.harden-init.stand-in.recipe="${RECIPE}" \
      io.harden-init.stand-in.note="local stand-in built by scripts/test-env.sh, not the upstream image"
ENV LANG=C.UTF-8
ENTRYPOINT ["/usr/bin/python3"]
