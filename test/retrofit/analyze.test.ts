import { describe, expect, it } from 'vitest';
import { analyzeDockerfile } from '../../src/retrofit/index.js';

const INSECURE = `ARG BASE_TAG
FROM --platform=linux/amd64 node:latest AS deps
MAINTAINER Jane <jane@example.com>
ARG NPM_TOKEN
ENV NODE_ENV=production LOG_LEVEL=info
ENV AWS_SECRET_ACCESS_KEY=abc123
RUN apt-get update && apt-get install -y curl git=1:2.39* && npm config set fund false
WORKDIR /app
ADD package.json ./
RUN echo "//r/:_authToken=\${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc
FROM alpine
RUN apk add tini
RUN addgroup -S app && adduser -S app -G app
COPY --from=deps --chown=app:app /app /app
ADD https://example.com/tool.tgz /opt/
ADD vendor.tar.gz /opt/vendor/
USER app
EXPOSE 8080 9090/udp
HEALTHCHECK CMD wget -qO- localhost:8080 || exit 1
VOLUME /data
ENTRYPOINT ["tini", "--"]
CMD node server.js | tee /tmp/log
`;

describe('analyzeDockerfile', () => {
  const model = analyzeDockerfile(INSECURE);

  it('reads stages with their base, tag, platform and pinning', () => {
    expect(model.ok).toBe(true);
    expect(model.stages.map((s) => [s.name, s.repository, s.tag, s.platform, s.unpinned, s.isFinal])).toEqual([
      ['deps', 'node', 'latest', 'linux/amd64', true, false],
      [null, 'alpine', null, null, true, true],
    ]);
    expect(model.stages[0].workdir).toBe('/app');
  });

  it('finds system packages per stage with their manager', () => {
    expect(model.packages.map((p) => [p.stage, p.manager, p.packages, p.cleansUp])).toEqual([
      [0, 'apt', ['curl', 'git=1:2.39*'], false],
      [1, 'apk', ['tini'], false],
    ]);
  });

  it('separates secret ARG/ENV from config', () => {
    const secret = [...model.globalArgs, ...model.variables].filter((v) => v.secret).map((v) => v.name);
    const config = [...model.globalArgs, ...model.variables].filter((v) => !v.secret).map((v) => v.name);
    expect(secret).toEqual(['NPM_TOKEN', 'AWS_SECRET_ACCESS_KEY']);
    expect(config).toEqual(['BASE_TAG', 'NODE_ENV', 'LOG_LEVEL']);
  });

  it('reads ports, commands in both forms, users, health checks and MAINTAINER', () => {
    expect(model.ports.map((p) => p.port)).toEqual(['8080', '9090/udp']);
    expect(model.commands.map((c) => [c.kind, c.form, c.needsShell])).toEqual([
      ['ENTRYPOINT', 'exec', false],
      ['CMD', 'shell', true],
    ]);
    expect(model.users).toMatchObject([{ user: 'app', numeric: false, root: false }]);
    expect(model.healthchecks).toMatchObject([{ none: false }]);
    expect(model.maintainer?.value).toBe('Jane <jane@example.com>');
  });

  it('tells remote, archive and local copies apart', () => {
    expect(model.copies.map((c) => [c.kind, c.from, c.chown, c.remote, c.archive])).toEqual([
      ['ADD', null, null, false, false],
      ['COPY', 'deps', 'app:app', false, false],
      ['ADD', null, null, true, false],
      ['ADD', null, null, false, true],
    ]);
  });

  it('keeps custom steps verbatim and separates installs and user setup', () => {
    expect(model.custom.map((c) => c.text)).toEqual(['RUN npm config set fund false', 'VOLUME /data']);
    expect(model.dependencySteps).toMatchObject([{ before: ['echo "//r/:_authToken=${NPM_TOKEN}" > .npmrc'], installs: ['npm ci'], after: ['rm .npmrc'], secrets: ['NPM_TOKEN'] }]);
    expect(model.userSetup.map((u) => u.line)).toEqual([13]);
  });

  it('never throws on malformed text', () => {
    for (const text of ['', 'RUN echo', 'FROM', '\\\n\\', 'FROM x\nRUN "unterminated && apt-get install -y', 'FROM a\nCMD ["x",']) {
      expect(() => analyzeDockerfile(text)).not.toThrow();
    }
    expect(analyzeDockerfile('RUN echo hi').ok).toBe(false);
  });
});
