import { describe, expect, it } from 'vitest';
import type { Detection } from '../../src/detect/types.js';
import { QUESTIONS, STEPS, defaultExpires } from '../../src/questions/model.js';
import { AnswerError, answersFileText, questionContext, resolveAnswers, type ResolveInput } from '../../src/questions/resolve.js';

const now = new Date('2025-03-15T10:20:30Z');

const nodeDetection: Detection = {
  language: 'node',
  packageManager: 'npm',
  version: '20',
  framework: 'express',
  build: null,
  start: 'node src/server.js',
  install: 'npm ci',
  port: 3000,
  healthcheck: null,
  workspace: false,
  apps: [],
  evidence: [{ file: 'package.json', fact: 'engines.node >=20' }],
  warnings: [],
};

const input = (over: Partial<ResolveInput> = {}): ResolveInput => ({
  flags: {},
  detection: nodeDetection,
  metadata: { title: 'shop', author: 'Shop Team <sec@shop.example>' },
  gitEmail: 'dev@laptop.example',
  now,
  ...over,
});

describe('question model', () => {
  it('every question ends with ?, has help, a flag, and belongs to a step', () => {
    const flags = new Set<string>();
    for (const question of QUESTIONS) {
      expect(question.prompt.endsWith('?'), question.id).toBe(true);
      expect(question.help.length, question.id).toBeGreaterThan(20);
      expect(question.flag.long).toMatch(/^--[a-z-]+$/);
      expect(flags.has(question.flag.long)).toBe(false);
      flags.add(question.flag.long);
      expect(STEPS.some((step) => step.id === question.step)).toBe(true);
    }
    // The SPEC's answer overrides, each a question.
    for (const flag of ['--language', '--package-manager', '--runtime-version', '--framework', '--build-command', '--start-command', '--port', '--base', '--uid', '--app-dir', '--healthcheck', '--contact', '--policy', '--expires', '--security-url', '--build-secret']) {
      expect(flags.has(flag), flag).toBe(true);
    }
  });
});

describe('resolveAnswers', () => {
  it('takes detected defaults and package metadata', () => {
    const answers = resolveAnswers(input());
    expect(answers).toMatchObject({
      app: '.',
      language: 'node',
      packageManager: 'npm',
      runtimeVersion: '20',
      framework: 'express',
      buildCommand: null,
      startCommand: 'node src/server.js',
      installCommand: 'npm ci',
      port: 3000,
      base: 'distroless',
      uid: 10001,
      appDir: '/app',
      healthcheck: 'none',
      buildSecrets: [],
      security: { contact: 'mailto:sec@shop.example', expires: '2026-03-14T00:00:00Z' },
      image: { title: 'shop' },
      pin: true,
      registry: null,
    });
  });

  it('expires defaults to one year minus a day, stored so replays are identical', () => {
    expect(defaultExpires(new Date('2024-02-29T23:59:00Z'))).toBe('2025-02-28T00:00:00Z');
    const first = resolveAnswers(input());
    const replay = resolveAnswers(input({ answersFile: { path: '.harden-init.json', data: JSON.parse(answersFileText(first)) }, now: new Date('2025-09-01T00:00:00Z'), gitEmail: null, metadata: {} }));
    expect(answersFileText(replay)).toBe(answersFileText(first));
  });

  it('falls back to git user.email, then the bugs URL, for the contact', () => {
    expect(resolveAnswers(input({ metadata: {} })).security.contact).toBe('mailto:dev@laptop.example');
    expect(resolveAnswers(input({ metadata: { bugsUrl: 'https://shop.example/security' }, gitEmail: null })).security.contact).toBe(
      'https://shop.example/security',
    );
  });

  it('with no contact anywhere, fails naming the field and that it is a detected default', () => {
    const error = captureError(() => resolveAnswers(input({ metadata: {}, gitEmail: null })));
    expect(error.field).toBe('security.contact');
    expect(error.source).toBe('default');
    expect(error.problem).toMatch(/required/);
  });

  it('flags override the answers file, which overrides detection', () => {
    const answers = resolveAnswers(
      input({
        flags: { port: '8080', buildSecret: ['npmrc', 'pip'], contact: 'security@shop.example', pin: false, registry: '127.0.0.1:5000' },
        answersFile: { path: 'a.yaml', data: { port: 9000, base: 'slim', uid: 20000, compose: false } },
      }),
    );
    expect(answers.port).toBe(8080);
    expect(answers.base).toBe('slim');
    expect(answers.uid).toBe(20000);
    expect(answers.compose).toBe(false);
    expect(answers.buildSecrets).toEqual(['npmrc', 'pip']);
    expect(answers.security.contact).toBe('mailto:security@shop.example');
    expect(answers.pin).toBe(false);
    expect(answers.registry).toBe('127.0.0.1:5000');
  });

  it('validates flags and files with the same rules, naming the field and its source', () => {
    const fromFlag = captureError(() => resolveAnswers(input({ flags: { port: '70000' } })));
    expect([fromFlag.field, fromFlag.problem, fromFlag.source]).toEqual(['port', 'must be at most 65535', 'flag']);
    const fromFile = captureError(() => resolveAnswers(input({ answersFile: { path: 'x.json', data: { port: 70000 } } })));
    expect([fromFile.field, fromFile.problem, fromFile.source]).toEqual(['port', 'must be at most 65535', 'file']);
    expect(captureError(() => resolveAnswers(input({ flags: { runtimeVersion: 'latest' } }))).problem).toMatch(/version like 22/);
    expect(captureError(() => resolveAnswers(input({ flags: { contact: 'ftp://x' } }))).problem).toMatch(/mailto: or https:/);
    expect(captureError(() => resolveAnswers(input({ flags: { policy: 'http://shop.example/p' } }))).problem).toMatch(/https/);
    expect(captureError(() => resolveAnswers(input({ flags: { expires: '2027-03-15T00:00:00Z' } }))).problem).toMatch(/one year/);
    expect(captureError(() => resolveAnswers(input({ flags: { expires: '2025-01-01' } }))).problem).toMatch(/future/);
    expect(captureError(() => resolveAnswers(input({ flags: { uid: '0' } }))).problem).toMatch(/0 is root/);
    expect(captureError(() => resolveAnswers(input({ flags: { base: 'scratch' } }))).problem).toMatch(/static binaries/);
    expect(resolveAnswers(input({ flags: { expires: '2025-12-31' } })).security.expires).toBe('2025-12-31T00:00:00Z');
  });

  it('asks for the health check only when there is a port; none clears values', () => {
    const answers = resolveAnswers(input({ flags: { port: 'none', framework: 'none', healthcheck: '/health' } }));
    expect(answers.port).toBeNull();
    expect(answers.framework).toBeNull();
    expect(resolveAnswers(input({ flags: { healthcheck: '/healthz' } })).healthcheck).toBe('/healthz');
  });

  it('defaults the health check to the route detection found, and says where it was found', () => {
    const evidence = [...nodeDetection.evidence, { file: 'src/server.js', line: 12, fact: "health route app.get('/healthz')" }];
    const detected: Detection = { ...nodeDetection, healthcheck: '/healthz', evidence };
    expect(resolveAnswers(input({ detection: detected })).healthcheck).toBe('/healthz');
    const question = QUESTIONS.find((q) => q.id === 'healthcheck')!;
    const ctx = questionContext(input({ detection: detected }), { port: '3000' });
    expect(question.default(ctx)).toBe('/healthz');
    expect(question.detected?.(ctx)).toBe("src/server.js:12: health route app.get('/healthz')");
    // A flag still wins; another language than the detected one drops the suggestion.
    expect(resolveAnswers(input({ detection: detected, flags: { healthcheck: 'none' } })).healthcheck).toBe('none');
    const python = questionContext(input({ detection: detected }), { language: 'python', port: '3000' });
    expect([question.default(python), question.detected?.(python)]).toEqual(['none', null]);
    // Nothing detected: none, as before, and nothing to show.
    expect(question.detected?.(questionContext(input(), { port: '3000' }))).toBeNull();
  });

  it('uses the chosen workspace app facts', () => {
    const detection: Detection = {
      ...nodeDetection,
      workspace: true,
      apps: [
        { ...nodeDetection, path: 'apps/web', port: 3000 },
        { ...nodeDetection, path: 'apps/api', language: 'python', packageManager: 'poetry', version: '3.12', framework: 'fastapi', start: 'uvicorn app:app', install: null, port: 8000 },
      ],
    };
    const answers = resolveAnswers(input({ detection, flags: { app: 'apps/api' } }));
    expect(answers).toMatchObject({ app: 'apps/api', language: 'python', packageManager: 'poetry', runtimeVersion: '3.12', port: 8000, base: 'slim' });
    expect(captureError(() => resolveAnswers(input({ detection, flags: { app: 'apps/nope' } }))).problem).toMatch(/apps\/web, apps\/api/);
  });

  it('without a detected language, --yes cannot guess: the error names the flag', () => {
    const error = captureError(() => resolveAnswers(input({ detection: { ...nodeDetection, language: 'unknown', packageManager: 'none' } })));
    expect(error.field).toBe('language');
    expect(error.question?.flag.long).toBe('--language');
  });
});

function captureError(fn: () => unknown): AnswerError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AnswerError) return error;
    throw error;
  }
  throw new Error('expected an AnswerError');
}

describe('the runtime version question and the end-of-life table', () => {
  const on = new Date('2026-12-04T12:00:00Z');
  const version = (detection: Detection | null, flags: Record<string, unknown> = {}) => resolveAnswers(input({ detection, now: on, flags })).runtimeVersion;

  it('with no version pinned, defaults to the newest supported LTS line that has a base image', () => {
    expect(version({ ...nodeDetection, version: null })).toBe('24');
    expect(version(null, { language: 'python', packageManager: 'pip', startCommand: 'python app.py' })).toBe('3.13');
    expect(version(null, { language: 'go', packageManager: 'go', startCommand: '/app/server' })).toBe('1.27');
    expect(version(null, { language: 'dotnet', packageManager: 'dotnet', startCommand: 'dotnet app.dll' })).toBe('10.0');
    expect(version(null, { language: 'node', packageManager: 'bun', startCommand: 'bun index.ts' })).toBe('1');
    // Rust has no line in the table: the fixed fallback.
    expect(version(null, { language: 'rust', packageManager: 'cargo', startCommand: '/app/server' })).toBe('1.83');
  });

  it('keeps a pinned version and warns when its line has ended', () => {
    const question = QUESTIONS.find((q) => q.id === 'runtimeVersion')!;
    const ctx = (v: string | null) => ({ detection: null, facts: { ...nodeDetection, version: v }, metadata: {}, gitEmail: null, now: on, suggestedSecrets: [], caBundle: null, values: { language: 'node', packageManager: 'npm' } });
    expect(question.default(ctx('18'))).toBe('18');
    expect(question.notice!(ctx('18'))).toBe('Node.js 18 reached end of life on 2025-04-30; 24 is supported until 2028-04-30.');
    expect(question.notice!(ctx('22'))).toBeNull();
    expect(question.notice!({ ...ctx('22'), values: { ...ctx('22').values, runtimeVersion: '20' } })).toContain('Node.js 20 reached end of life on 2026-04-30');
  });
});
