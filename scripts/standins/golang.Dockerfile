# Stand-in for docker.io/library/golang:*-bookworm: minbase plus Debian's Go (1.19), gcc and git,
# with go at /usr/local/go/bin/go, GOPATH=/go and no toolchain downloads.
ARG BASE
FROM ${BASE}
ARG RECIPE
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends golang-go ca-certificates git gcc libc6-dev make pkg-config; \
    rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin; \
    ln -s "$(dirname "$(dirname "$(readlink -f /usr/bin/go)")")" /usr/local/go; \
    mkdir -p /go/src /go/bin; chmod -R 1777 /go; \
    /usr/local/go/bin/go version
LABEL io.harden-init.stand-in="golang" io.harden-init.stand-in.recipe="${RECIPE}" \
      io.harden-init.stand-in.note="local stand-in built by scripts/test-env.sh, not the upstream image"
ENV GOPATH=/go GOTOOLCHAIN=local PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
WORKDIR /go
