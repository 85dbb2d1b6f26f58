import { describe, expect, it } from 'vitest';
import { defaultLintConfig, fixDockerfile, lintDockerfile } from '../../src/lint/index.js';

const BAD = `FROM debian:12.5
MAINTAINER Jane Doe
ADD app.js /app/app.js
RUN apt-get update && apt-get install curl=8.0.1
ENV NODE_ENV production
CMD node /app/app.js
`;

describe('fixDockerfile', () => {
  it('applies every safe fix and reports each with its line', () => {
    const result = fixDockerfile(BAD);
    expect(result.text).toBe(`FROM debian:12.5
LABEL org.opencontainers.image.authors="Jane Doe"
COPY app.js /app/app.js
RUN apt-get update && apt-get install --no-install-recommends -y curl=8.0.1 \\
    && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
USER 10001:10001
CMD ["node", "/app/app.js"]
`);
    const codes = result.applied.map((a) => a.code);
    expect(codes).toEqual(expect.arrayContaining(['HI701', 'HI401', 'HI309', 'HI310', 'HI312', 'HI603', 'HI501', 'HI201']));
    expect(result.applied.find((a) => a.code === 'HI401')?.line).toBe(3);
    expect(lintDockerfile(result.text).length).toBeLessThan(lintDockerfile(BAD).length);
  });

  it('is idempotent', () => {
    const once = fixDockerfile(BAD).text;
    const twice = fixDockerfile(once);
    expect(twice.text).toBe(once);
    expect(twice.applied).toEqual([]);
  });

  it('limits itself to `only` rules, by code or alias', () => {
    const result = fixDockerfile(BAD, { only: ['DL3020'] });
    expect(result.text).toBe(BAD.replace('ADD app.js', 'COPY app.js'));
    expect(result.applied).toEqual([{ code: 'HI401', line: 3, description: expect.stringContaining('COPY') }]);
  });

  it('leaves ignored rules and pragma-ignored lines alone', () => {
    const ignored = fixDockerfile(BAD, { config: { ...defaultLintConfig(), ignored: ['DL3020'] } });
    expect(ignored.text).toContain('ADD app.js');
    const pragma = fixDockerfile('FROM debian:12\n# hadolint ignore=DL3020\nADD a.js /a.js\n', { only: ['DL3020'] });
    expect(pragma.text).toContain('ADD a.js');
  });

  it('keeps ADD for URLs and archives, where COPY would change the build', () => {
    const text = 'FROM debian:12\nADD https://example.com/x.tar.gz /tmp/\nADD rootfs.tar.xz /\n';
    expect(fixDockerfile(text, { only: ['HI401'] }).text).toBe(text);
  });

  it('keeps shell form where the command uses shell features', () => {
    const text = 'FROM debian:12\nCMD node server.js > /tmp/log 2>&1\nENTRYPOINT exec "$@"\n';
    expect(fixDockerfile(text, { only: ['HI501'] }).text).toBe(text);
  });

  it('returns a malformed file unchanged rather than guessing', () => {
    const text = 'FROM debian:12\nBOGUS x\nADD a /a\r';
    const result = fixDockerfile(text);
    expect(lintDockerfile(result.text).filter((f) => f.aliases.includes('DL1000')).length).toBeLessThanOrEqual(1);
    expect(lintDockerfile(result.text).length).toBeLessThanOrEqual(lintDockerfile(text).length);
  });

  it('keeps CRLF line endings working', () => {
    const result = fixDockerfile('FROM debian:12\r\nADD a.js /a.js\r\n', { only: ['HI401'] });
    expect(result.text).toBe('FROM debian:12\r\nCOPY a.js /a.js\r\n');
  });
});
