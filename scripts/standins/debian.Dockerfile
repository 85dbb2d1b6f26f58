# Stand-in for docker.io/library/debian:12-slim: the debootstrap minbase rootfs as it is.
ARG BASE
FROM ${BASE}
ARG RECIPE
LABEL io.harden-init.stand-in="debian" io.harden-init.stand-in.recipe="${RECIPE}" \
      io.harden-init.stand-in.note="local stand-in built by scripts/test-env.sh, not the upstream image"
CMD ["bash"]
