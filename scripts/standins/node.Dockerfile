# Stand-in for docker.io/library/node:*-bookworm-slim: minbase plus this machine's node, npm and corepack.
ARG BASE
FROM ${BASE}
ARG RECIPE
ARG NODE_VERSION
COPY node/bin/node /usr/local/bin/node
COPY node/lib/ /usr/local/lib/node_modules/
RUN set -eux; \
    groupadd --gid 1000 node; \
    useradd --uid 1000 --gid node --shell /bin/bash --create-home node; \
    ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm; \
    ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx; \
    if [ -d /usr/local/lib/node_modules/corepack ]; then ln -s ../lib/node_modules/corepack/dist/corepack.js /usr/local/bin/corepack; fi; \
    node --version; npm --version
LABEL io.harden-init.stand-in="node" io.harden-init.stand-in.recipe="${RECIPE}" \
      io.harden-init.stand-in.note="local stand-in built by scripts/test-env.sh, not the upstream image"
ENV NODE_VERSION=${NODE_VERSION}
CMD ["node"]
