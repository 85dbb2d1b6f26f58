import { describe, expect, it } from 'vitest';
import { BASE_IMAGES, imageVersions, stackProduct } from '../../src/generate/base.js';
import { EOL_TABLE, endOfLife, imageNames, newestRecommended } from '../../src/eol/index.js';
import { buildDockerignore, generateFiles, gitignoreToDocker, isIgnored, mirrorRef, GenerateError } from '../../src/generate/index.js';
import { planStack } from '../../src/generate/index.js';
import { parseAnswers, type Answers } from '../../src/questions/answers.js';
import { reportError } from '../../src/cli/errors.js';
import { FIXED_PINS, fixtureAnswers, fixtureContext, fixtureNames } from './helpers.js';

const file = (result: ReturnType<typeof generateFiles>, name: string) => result.files.find((entry) => entry.path === name)?.content ?? '';

describe('generateFiles', () => {
  it('is deterministic: the same answers and context give byte-identical files, and key order does not matter', async () => {
    const context = await fixtureContext('node-next');
    const answers = fixtureAnswers('node-next');
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(answers).reverse()))) as Answers;
    const first = generateFiles(answers, context);
    const second = generateFiles(reordered, context);
    expect(second.files).toEqual(first.files);
    expect(second.notes).toEqual(first.notes);
  });

  it('replays .harden-init.json to the same files byte for byte', async () => {
    for (const name of ['node-express', 'python-django', 'go-cmd-scratch']) {
      const context = await fixtureContext(name);
      const result = generateFiles(fixtureAnswers(name), context);
      const replayed = parseAnswers(JSON.parse(file(result, '.harden-init.json')));
      expect(replayed.ok).toBe(true);
      if (replayed.ok) expect(generateFiles(replayed.answers, context).files).toEqual(result.files);
    }
  });

  it('keeps time out of the Dockerfile: created and revision are build args', async () => {
    const dockerfile = file(generateFiles(fixtureAnswers('node-express'), await fixtureContext('node-express')), 'Dockerfile');
    expect(dockerfile).toContain('ARG CREATED\nARG REVISION\n');
    expect(dockerfile).toContain('org.opencontainers.image.created="${CREATED}"');
    expect(dockerfile).not.toMatch(/20\d\d-\d\d-\d\dT/);
  });

  it('every fixture: non-root numeric USER last, exec-form CMD/ENTRYPOINT, no ADD, no syntax line, no COPY --link, no heredoc, pinned FROMs', async () => {
    for (const name of fixtureNames()) {
      const answers = fixtureAnswers(name);
      const dockerfile = file(generateFiles(answers, await fixtureContext(name)), 'Dockerfile');
      const lines = dockerfile.split('\n');
      const users = lines.filter((line) => line.startsWith('USER '));
      // A base that ends as its own non-root user (nginx-unprivileged) is switched to root for the hardening steps first.
      expect(users.at(-1), name).toBe(`USER ${answers.uid}:${answers.uid}`);
      expect(users.slice(0, -1).every((line) => line === 'USER 0:0'), name).toBe(true);
      expect(lines.filter((line) => /^(CMD|ENTRYPOINT) /.test(line)).every((line) => /^(CMD|ENTRYPOINT) \[/.test(line)), name).toBe(true);
      expect(dockerfile, name).not.toMatch(/^ADD /m);
      expect(dockerfile, name).not.toMatch(/^# syntax=/m);
      expect(dockerfile, name).not.toMatch(/--link|<<[A-Z-]/);
      expect(dockerfile, name).not.toMatch(/^(ARG|ENV) \S*(TOKEN|PASSWORD|SECRET|API_KEY)/im);
      for (const from of lines.filter((line) => line.startsWith('FROM '))) {
        expect(from, name).toMatch(/^FROM (scratch|\S+:\S+@sha256:[a-f0-9]{64}) AS \w+$/);
      }
      expect(lines.filter((line) => line.startsWith('FROM ')).length, name).toBeGreaterThanOrEqual(2);
    }
  });

  it('a registry mirror rewrites every FROM to R/path:tag@digest', async () => {
    const answers = { ...fixtureAnswers('go-http'), registry: '127.0.0.1:5000' };
    const result = generateFiles(answers, await fixtureContext('go-http'));
    const froms = file(result, 'Dockerfile').split('\n').filter((line) => line.startsWith('FROM '));
    expect(froms).toEqual([
      `FROM 127.0.0.1:5000/library/golang:1.19.13-bookworm@${FIXED_PINS['docker.io/library/golang:1.19.13-bookworm']} AS build`,
      `FROM 127.0.0.1:5000/distroless/static-debian13:nonroot@${FIXED_PINS['gcr.io/distroless/static-debian13:nonroot']} AS final`,
    ]);
    expect(result.baseImages.map((base) => base.stage)).toEqual(['build', 'final']);
    expect(mirrorRef('docker.io/library/node:22.21.1-bookworm-slim', 'mirror.example.com/hub/')).toBe('mirror.example.com/hub/library/node:22.21.1-bookworm-slim');
  });

  it('offline: keeps tags, says so once in the notes and above each FROM how to pin', async () => {
    const context = { ...(await fixtureContext('python-stdlib', {})), pinSkipped: 'offline' as const };
    const result = generateFiles(fixtureAnswers('python-stdlib'), context);
    const dockerfile = file(result, 'Dockerfile');
    expect(dockerfile).toMatch(/# Tag only: the registry was unreachable\. .*\nFROM docker\.io\/library\/python:3\.13\.9-slim-trixie AS build/);
    expect(result.notes.filter((note) => note.includes('could not be pinned'))).toHaveLength(1);
  });

  it('chooses the base with a reason: distroless python only for 3.13 (Debian 13), otherwise slim', async () => {
    const slim = generateFiles(fixtureAnswers('python-django'), await fixtureContext('python-django'));
    expect(slim.baseImages.at(-1)!.ref).toContain('python:3.12.12-slim-trixie');
    expect(slim.baseImages.at(-1)!.reason).toMatch(/distroless python3 ships Python 3\.13 only/);
    expect(file(slim, 'Dockerfile')).toMatch(/# python slim: distroless python3 ships Python 3\.13 only.*\nFROM /);
    const distroless = generateFiles(fixtureAnswers('python-stdlib'), await fixtureContext('python-stdlib'));
    expect(distroless.baseImages.map((b) => b.ref)).toEqual([expect.stringContaining('python:3.13.9-slim-trixie'), expect.stringContaining('gcr.io/distroless/python3-debian13:nonroot')]);
  });

  it('says when the pinned runtime or the final base has reached its end of life, with the date and the way out', async () => {
    const context = { ...(await fixtureContext('node-express')), today: new Date('2026-12-04T00:00:00Z') };
    const pinned18 = generateFiles({ ...fixtureAnswers('node-express'), runtimeVersion: '18' }, context);
    // No node 18 image: the substitute is the line the end-of-life note offers (22 ends within six months), said once.
    expect(pinned18.baseImages.map((b) => b.ref)).toEqual([expect.stringContaining('node:24.11.1-trixie-slim'), expect.stringContaining('nodejs24-debian13')]);
    expect(pinned18.notes.filter((n) => n.startsWith('no node 18 image'))).toEqual(['no node 18 image in the base table; using 24']);
    expect(pinned18.notes).toContain('Node.js 18 reached end of life on 2025-04-30; 24 is supported until 2028-04-30: pass --runtime-version 24 to move to it');
    const pinned20 = generateFiles({ ...fixtureAnswers('node-express'), runtimeVersion: '20' }, context);
    expect(pinned20.baseImages.at(-1)!.ref).toContain('nodejs20-debian12');
    expect(pinned20.notes.filter((n) => /end of life|security support/.test(n))).toEqual([
      'Node.js 20 reached end of life on 2026-04-30; 24 is supported until 2028-04-30: pass --runtime-version 24 to move to it',
      expect.stringMatching(/^the final base gcr\.io\/distroless\/nodejs20-debian12:nonroot: Debian 12 left regular security support on 2026-06-10 \(LTS fixes only some packages, until 2028-06-30\); 13 \(trixie\) is supported until 2028-08-09$/),
    ]);
    const current = generateFiles(fixtureAnswers('node-express'), context);
    expect(current.notes.filter((n) => /end of life|security support/.test(n))).toEqual([]);
  });

  it('build secrets: a secret mount for the install step, never ARG/ENV, and the docker build --secret line in the notes', async () => {
    const result = generateFiles(fixtureAnswers('node-next'), await fixtureContext('node-next'));
    const dockerfile = file(result, 'Dockerfile');
    expect(dockerfile).toContain('RUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci');
    expect(dockerfile).not.toMatch(/NPM_TOKEN/);
    expect(result.notes).toContain('build with: DOCKER_BUILDKIT=1 docker build --secret id=npmrc,src=$HOME/.npmrc .  (an .npmrc holding the registry token)');
    const declared = generateFiles({ ...fixtureAnswers('go-http'), buildSecrets: ['goprivate'] }, await fixtureContext('go-http'));
    expect(file(declared, 'Dockerfile')).toContain('RUN --mount=type=cache,target=/go/pkg/mod --mount=type=secret,id=goprivate go mod download');
    expect(declared.notes.some((note) => note.includes('--secret id=goprivate,src=$GOPRIVATE_FILE'))).toBe(true);
  });

  it('tells about secret files it found and keeps them out of the context', async () => {
    const result = generateFiles(fixtureAnswers('php-laravel'), await fixtureContext('php-laravel'));
    expect(result.notes).toContain('secret-looking files kept out of the image by .dockerignore: .env');
    expect(isIgnored(file(result, '.dockerignore').split('\n'), '.env')).toBe(true);
  });

  it('compose.yaml carries the runtime hardening', async () => {
    const compose = file(generateFiles(fixtureAnswers('node-next'), await fixtureContext('node-next')), 'compose.yaml');
    for (const line of ['read_only: true', '- ALL', '- no-new-privileges:true', 'user: "10001:10001"', '- /tmp', '- /app/.next/cache', '- "3000:3000"', 'secrets:']) {
      expect(compose).toContain(line);
    }
    const none = generateFiles(fixtureAnswers('go-http'), await fixtureContext('go-http'));
    expect(none.files.map((entry) => entry.path)).not.toContain('compose.yaml');
  });

  it('refuses answers it cannot honour, naming the field', async () => {
    const context = await fixtureContext('node-express');
    const { expires: _expires, ...security } = fixtureAnswers('node-express').security;
    expect(() => generateFiles({ ...fixtureAnswers('node-express'), security }, context)).toThrow(GenerateError);
    try {
      generateFiles({ ...fixtureAnswers('node-express'), startCommand: 'node a.js && node b.js' }, context);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GenerateError);
      expect((error as GenerateError).field).toBe('startCommand');
      const report = reportError(error);
      expect(report.exitCode).toBe(2);
      expect(report.line).toMatch(/^harden-init: startCommand: "node a\.js && node b\.js" uses shell syntax \(answers\): give a plain command/);
    }
  });
});

describe('answers validation names the field', () => {
  it.each([
    [{ port: 70000 }, 'port'],
    [{ base: 'ubuntu' }, 'base'],
    [{ runtimeVersion: 'latest' }, 'runtimeVersion'],
    [{ security: { contact: 'security@example.com' } }, 'security.contact'],
    [{ security: { contact: 'mailto:a@b.c', expires: 'next year' } }, 'security.expires'],
    [{ healthcheck: 'health' }, 'healthcheck'],
    [{ buildSecrets: ['bad id'] }, 'buildSecrets.0'],
  ])('%j -> %s', (override, field) => {
    const raw = { ...fixtureAnswers('node-express'), ...override };
    const parsed = parseAnswers(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.field).toBe(field);
  });
});

describe('.dockerignore', () => {
  it('keeps every COPY source of every fixture and every file the start command runs', async () => {
    for (const name of fixtureNames()) {
      const answers = fixtureAnswers(name);
      const context = await fixtureContext(name);
      const { plan } = planStack(answers, context);
      const lines = file(generateFiles(answers, context), '.dockerignore').split('\n');
      for (const source of [...plan.copySources, ...plan.requiredFiles]) expect(isIgnored(lines, source), `${name}: ${source}`).toBe(false);
    }
  });

  it('excludes secrets, VCS and local dependencies at any depth', async () => {
    const lines = file(generateFiles(fixtureAnswers('node-express'), await fixtureContext('node-express')), '.dockerignore').split('\n');
    for (const path of ['.env', 'config/.env.production', 'deploy/id_ed25519', 'certs/server.key', 'tls/cert.pem', '.git/config', '.npmrc', 'node_modules/x/index.js', 'packages/a/node_modules/y.js', '.aws/credentials']) {
      expect(isIgnored(lines, path), path).toBe(true);
    }
    for (const path of ['src/server.js', 'package.json', 'package-lock.json']) expect(isIgnored(lines, path), path).toBe(false);
  });

  it('re-includes a COPY source that .gitignore would drop, and never a secret', () => {
    const result = buildDockerignore({
      stackIgnore: [],
      gitignore: 'package-lock.json\n*.lock\n',
      keep: ['package.json', 'package-lock.json', 'yarn.lock', '.env'],
      repoFiles: ['package.json', 'package-lock.json', 'yarn.lock', '.env'],
    });
    const lines = result.content.split('\n');
    expect(result.reincluded).toEqual(['package-lock.json', 'yarn.lock']);
    expect(result.blocked).toEqual(['.env']);
    expect(isIgnored(lines, 'package-lock.json')).toBe(false);
    expect(isIgnored(lines, 'yarn.lock')).toBe(false);
    expect(isIgnored(lines, 'sub/other.lock')).toBe(true);
    expect(isIgnored(lines, '.env')).toBe(true);
  });

  it('translates .gitignore semantics to Docker semantics', () => {
    expect(gitignoreToDocker('# c\n\nlogs\n/coverage\nbuild/\ndocs/*.md\n!keep.log\n\\#hash\n**/tmp\n')).toEqual([
      '**/logs',
      'coverage',
      '**/build',
      'docs/*.md',
      '!**/keep.log',
      '**/#hash',
      '**/tmp',
    ]);
    const lines = gitignoreToDocker('*.log\n!important.log\n/dist\n');
    expect(isIgnored(lines, 'a/b/c.log')).toBe(true);
    expect(isIgnored(lines, 'a/important.log')).toBe(false);
    expect(isIgnored(lines, 'dist/x.js')).toBe(true);
    expect(isIgnored(lines, 'pkg/dist/x.js')).toBe(false);
  });
});

describe('base image table', () => {
  it('has a build and a final image for every stack the templates use, and stand-ins only where the test env can build them', () => {
    for (const stack of ['node', 'python', 'go', 'java', 'rust', 'ruby', 'php', 'dotnet', 'deno', 'elixir', 'bun']) {
      expect(BASE_IMAGES.some((entry) => entry.stack === stack && entry.role === 'build'), stack).toBe(true);
    }
    for (const entry of BASE_IMAGES) {
      expect(entry.ref).toMatch(/^[a-z0-9.-]+\.[a-z]+\/[a-z0-9/._-]+:[\w.-]+$/);
      if (entry.standIn) expect(['node', 'node-distroless', 'python', 'python-distroless', 'golang', 'static', 'debian', 'nginx']).toContain(entry.standIn);
    }
  });

  it('says for each entry when it was chosen, and why an entry is not on Debian 13', () => {
    for (const entry of BASE_IMAGES) {
      expect(entry.refreshed, entry.ref).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry.refreshed <= EOL_TABLE.retrieved, entry.ref).toBe(true);
      const os = imageNames(entry.ref).os;
      if (os?.product === 'debian' && os.version !== '13') expect(entry.reason?.length ?? 0, entry.ref).toBeGreaterThan(20);
    }
  });

  it('the newest supported line of each stack has its final images on supported systems', () => {
    const today = '2026-12-04';
    for (const stack of ['node', 'python', 'go', 'ruby', 'php', 'dotnet', 'java']) {
      const product = stackProduct(stack)!;
      const newest = newestRecommended(product, { today, available: imageVersions(stack) });
      expect(newest, stack).not.toBeNull();
      for (const entry of BASE_IMAGES.filter((e) => e.stack === stack && e.role === 'final' && e.version === newest!.cycle)) {
        const os = imageNames(entry.ref).os;
        if (os) expect(endOfLife(os.product, os.version, { today }), entry.ref).toBeNull();
      }
    }
  });
});
