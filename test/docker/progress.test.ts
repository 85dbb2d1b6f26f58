import { describe, expect, it } from 'vitest';
import { buildArgs, type BuildRequest } from '../../src/docker/cli.js';
import { defaultSecretSource, secretId } from '../../src/docker/build-run.js';
import { explainFailure } from '../../src/docker/explain.js';
import { failedStep, isUserStep, parseProgress, stepCounter } from '../../src/docker/progress.js';

// BuildKit 0.8 (Docker 20.10) plain output, trimmed from a real failing build.
const OUTPUT = `#1 [internal] load build definition from Dockerfile
#1 sha256:aaa
#1 transferring dockerfile: 150B done
#1 DONE 0.0s

#4 [1/3] FROM 127.0.0.1:5000/library/debian:12.12-slim
#4 DONE 0.1s

#5 [2/3] COPY .env /app/.env
#5 CACHED

#6 [3/3] RUN echo building && exit 3
#6 0.412 building
#6 ERROR: executor failed running [/bin/sh -c echo building && exit 3]: exit code: 3
------
 > [3/3] RUN echo building && exit 3:
------
`;

describe('BuildKit plain progress', () => {
  const progress = parseProgress(OUTPUT);

  it('tracks each step as cached, done or failed, with elapsed time and log', () => {
    expect(progress.steps.filter(isUserStep).map((s) => [s.name, s.status, s.elapsed])).toEqual([
      ['[1/3] FROM 127.0.0.1:5000/library/debian:12.12-slim', 'done', 0.1],
      ['[2/3] COPY .env /app/.env', 'cached', null],
      ['[3/3] RUN echo building && exit 3', 'error', null],
    ]);
    const failed = failedStep(progress);
    expect(failed?.log).toEqual(['building']);
    expect(failed?.error).toContain('exit code: 3');
    expect(stepCounter(failed!)).toBe('3/3');
    expect(progress.errors).toContain(' > [3/3] RUN echo building && exit 3:');
  });
});

describe('docker build arguments', () => {
  const request: BuildRequest = { context: '/app', dockerfile: '/app/Dockerfile', tags: ['a:1'], buildArgs: { created: 'now', revision: 'abc' }, secrets: ['id=npmrc,src=/h/.npmrc'] };

  it('uses buildx build --load when buildx exists, plain build otherwise', () => {
    expect(buildArgs({ mode: 'buildx' }, request, '/tmp/iid').slice(0, 3)).toEqual(['buildx', 'build', '--load']);
    expect(buildArgs({ mode: 'classic' }, request, '/tmp/iid')).toEqual([
      'build', '--progress=plain', '--iidfile', '/tmp/iid', '-f', '/app/Dockerfile', '--tag', 'a:1',
      '--build-arg', 'created=now', '--build-arg', 'revision=abc', '--secret', 'id=npmrc,src=/h/.npmrc', '/app',
    ]);
  });

  it('finds sources for declared secrets: env var, then the usual file', () => {
    expect(defaultSecretSource('npm_token', { NPM_TOKEN: 'x' }, '/h', () => false)).toBe('id=npm_token,env=NPM_TOKEN');
    expect(defaultSecretSource('npmrc', {}, '/h', (f) => f === '/h/.npmrc')).toBe('id=npmrc,src=/h/.npmrc');
    expect(defaultSecretSource('npmrc', {}, '/h', () => false)).toBeNull();
    expect(secretId('id=npmrc,src=/x')).toBe('npmrc');
    expect(() => secretId('src=/x')).toThrow(/has no id/);
  });
});

describe('smoke-run failure causes', () => {
  it('names the read-only path to add to writable dirs', () => {
    expect(explainFailure("Error: EROFS: read-only file system, open '/app/cache/x.json'", 1)).toContain('add /app/cache to the writable dirs');
    expect(explainFailure("OSError: [Errno 30] Read-only file system: '/srv/data'", 1)).toContain('/srv/data');
  });

  it('explains low ports, missing shells and missing modules', () => {
    expect(explainFailure('Error: listen EACCES: permission denied 0.0.0.0:80', 1)).toContain('port 80');
    expect(explainFailure('exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown', null)).toContain('/bin/sh');
    expect(explainFailure("Error: Cannot find module 'express'", 1)).toContain('copy the installed dependencies');
    expect(explainFailure('', 0)).toContain('exited right away');
  });
});
