import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../../src/lint/index.js';
import { repoRoot } from '../helpers/paths.js';

const hardened = readFileSync(path.join(repoRoot, 'test/lint/fixtures/hardened.Dockerfile'), 'utf8');

describe('a well-hardened Dockerfile lints clean', () => {
  it('has zero findings at the default config', () => {
    expect(lintDockerfile(hardened)).toEqual([]);
  });

  it('stays clean with a slim final stage that installs pinned packages the right way', () => {
    const slim = hardened.replace(
      /FROM gcr\.io\/distroless\S+/,
      'FROM docker.io/library/python:3.12.4-slim-trixie@sha256:' + 'c'.repeat(64) + '\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends tini=0.19.0-1 \\\n    && rm -rf /var/lib/apt/lists/*',
    );
    expect(lintDockerfile(slim)).toEqual([]);
  });

  it('reports each hardening step that is taken away', () => {
    const expectCode = (text: string, alias: string) => expect(lintDockerfile(text).flatMap((f) => [f.code, ...f.aliases])).toContain(alias);
    expectCode(hardened.replace('USER 10001:10001\n', ''), 'DS-0002');
    expectCode(hardened.replace('USER 10001:10001', 'USER node'), 'DL3066');
    expectCode(hardened.replace(/@sha256:0+2/, ''), 'HI103');
    expectCode(hardened.replace('HEALTHCHECK NONE\n', ''), 'DS-0026');
    expectCode(hardened.replace('CMD ["dist/server.js"]', 'CMD node dist/server.js'), 'DL3025');
    expectCode(hardened.replace(/ +securitytxt=\S+\n/, '').replace('vendor="Example" \\', 'vendor="Example"'), 'HI616');
    expectCode(hardened.replace('ARG revision\n', 'ARG revision\nARG GITHUB_TOKEN\n'), 'DS-0031');
  });
});
