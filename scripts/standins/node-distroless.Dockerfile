# Stand-in for gcr.io/distroless/nodejs*-debian12:nonroot: the static stand-in plus node and the
# shared libraries it loads at /nodejs/bin/node; no shell, no npm.
ARG BASE
ARG STATIC
FROM ${BASE} AS rootfs
COPY copy-with-libs.sh /usr/local/bin/copy-with-libs
COPY node/bin/node /nodejs/bin/node
RUN set -eux; mkdir /rootfs; copy-with-libs /rootfs /nodejs/bin/node; /rootfs/nodejs/bin/node --version

FROM ${STATIC}
ARG RECIPE
COPY --from=rootfs /rootfs/ /
LABEL io.harden-init.stand-in="node-distroless" io.harden-init.stand-in.recipe="${RECIPE}" \
      io.harden-init.stand-in.note="local stand-in built by scripts/test-env.sh, not the upstream image"
ENTRYPOINT ["/nodejs/bin/node"]
