# Stand-in for docker.io/library/python:*-slim-bookworm: minbase plus Debian's python3 (3.11),
# pip and venv, with python/pip on PATH and no "externally managed" guard, like the official image.
ARG BASE
FROM ${BASE}
ARG RECIPE
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends python3 python3-pip python3-venv ca-certificates; \
    rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin; \
    rm -f /usr/lib/python3.*/EXTERNALLY-MANAGED; \
    for name in python python3; do ln -s /usr/bin/python3 /usr/local/bin/$name; done; \
    for name in pip pip3; do ln -s /usr/bin/pip3 /usr/local/bin/$name; done; \
    python --version; pip --version
LABEL io.harden-init.stand-in="python" io.harden-init.stand-in.recipe="${RECIPE}" \
      io.harden-init.stand-in.note="local stand-in built by scripts/test-env.sh, not the upstream image"
ENV LANG=C.UTF-8
CMD ["python3"]
