# Stand-in for gcr.io/distroless/python3-debian1x:nonroot: the static stand-in plus the Debian
# release's python3 (3.11 on bookworm, 3.13 on trixie), its standard library and the shared
# libraries they load; no shell, no pip.
ARG BASE
ARG STATIC
FROM ${BASE} AS rootfs
COPY copy-with-libs.sh /usr/local/bin/copy-with-libs
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends python3; \
    rm -rf /var/lib/apt/lists/*; \
    mkdir /rootfs; \
    py="$(basename "$(readlink -f /usr/bin/python3)")"; \
    copy-with-libs /rootfs "/usr/bin/$py" "/usr/lib/$py"; \
    rm -rf "/rootfs/usr/lib/$py/test" "/rootfs/usr/lib/$py/ensurepip" "/rootfs/usr/lib/$py/idlelib" "/rootfs/usr/lib/$py/tkinter"; \
    ln -s "$py" /rootfs/usr/bin/python3; \
    chroot /rootfs /usr/bin/python3 -c 'import ssl, json, http.server, sqlite3; print("ok")'

FROM ${STATIC}
ARG RECIPE
COPY --from=rootfs /rootfs/ /
LABEL io.harden-init.stand-in="python-distroless" io.harden-init.stand-in.recipe="${RECIPE}" \
      io.harden-init.stand-in.note="local stand-in built by scripts/test-env.sh, not the upstream image"
ENV LANG=C.UTF-8
ENTRYPOINT ["/usr/bin/python3"]
