import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDocker } from '../helpers/requirements.js';
import type { AuditFinding } from '../../src/audit/types.js';
import { runMain } from './run-main.js';

const DOCKER = '/usr/bin/docker';
// Tags of this run only: another run on the same engine must not remove them under this one.
const BAD = `harden-init-test/bad:${process.pid}`;
const GOOD = `harden-init-test/good:${process.pid}`;
/** The audit judges end-of-life facts on this day, not the real one. */
const ON_2026_12_04 = { SOURCE_DATE_EPOCH: String(Date.parse('2026-12-04T00:00:00Z') / 1000) };

function app(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'harden-init-image-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describeDocker('build and audit on the Docker engine', () => {
  const dirs: string[] = [];
  let bad: { exitCode: number; stdout: string; stderr: string };
  let good: { exitCode: number; stdout: string; stderr: string };
  let goodDir: string;

  beforeAll(async () => {
    const badDir = app({
      Dockerfile: [
        'FROM 127.0.0.1:5000/library/debian:13.2-slim',
        'ENV API_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789',
        'COPY .env /app/.env',
        'RUN cp /bin/true /usr/local/bin/escalate && chmod u+s /usr/local/bin/escalate',
        'RUN rm /app/.env',
        'CMD ["sleep", "infinity"]',
        '',
      ].join('\n'),
      '.env': 'DATABASE_PASSWORD=hunter2\n',
    });
    goodDir = app({
      Dockerfile: [
        'FROM 127.0.0.1:5000/distroless/nodejs22-debian13:nonroot',
        'ARG created',
        'ARG revision',
        'LABEL org.opencontainers.image.title="smoke" org.opencontainers.image.source="https://example.com/smoke" \\',
        '      org.opencontainers.image.version="1.0.0" org.opencontainers.image.created="${created}" \\',
        '      org.opencontainers.image.revision="${revision}" securitytxt="https://example.com/.well-known/security.txt"',
        'WORKDIR /app',
        'COPY server.js health.js ./',
        'USER 10001:10001',
        'EXPOSE 8080',
        'HEALTHCHECK --interval=2s --timeout=2s --retries=5 CMD ["/nodejs/bin/node", "/app/health.js"]',
        'CMD ["/app/server.js"]',
        '',
      ].join('\n'),
      'server.js': "require('http').createServer((q, s) => s.end('ok')).listen(8080);\n",
      'health.js': "require('http').get('http://127.0.0.1:8080/', (r) => process.exit(r.statusCode === 200 ? 0 : 1)).on('error', () => process.exit(1));\n",
    });
    dirs.push(badDir, goodDir);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: goodDir });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'app');
    [bad, good] = [await runMain(['build', badDir, '--tag', BAD, '--json'], { env: ON_2026_12_04 }), await runMain(['build', goodDir, '--tag', GOOD, '--json', '--run'], { env: ON_2026_12_04 })];
  });

  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    execFileSync(DOCKER, ['image', 'rm', '-f', BAD, GOOD], { stdio: 'ignore' });
  });

  it('finds root, the setuid file, the secret ENV and the secret file deleted in a later layer', () => {
    expect(bad.exitCode, bad.stderr).toBe(1);
    const result = JSON.parse(bad.stdout) as { id: string; audit: { findings: AuditFinding[] } };
    expect(result.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    const findings = result.audit.findings;
    expect(findings.find((f) => f.id === 'HI801')).toMatchObject({ level: 'error', aliases: ['CIS-DI-0001'] });
    expect(findings.find((f) => f.id === 'HI803' && f.path === '/usr/local/bin/escalate')).toBeDefined();
    expect(findings.find((f) => f.id === 'HI805')?.message).toContain('API_TOKEN');
    const secret = findings.find((f) => f.id === 'HI806' && f.path === '/app/.env');
    expect(secret?.message).toContain('removed or replaced later');
    expect(secret?.message).toContain('COPY .env /app/.env');
  });

  it('audit <image> reports the same findings as JSON and SARIF, exit 1', async () => {
    const json = await runMain(['audit', BAD, '--format', 'json']);
    expect(json.exitCode).toBe(1);
    const ids = (JSON.parse(json.stdout) as { findings: AuditFinding[] }).findings.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['HI801', 'HI803', 'HI805', 'HI806']));
    const sarif = await runMain(['audit', BAD, '--format', 'sarif', '--failure-threshold', 'none']);
    expect(sarif.exitCode).toBe(0);
    const results = JSON.parse(sarif.stdout).runs[0].results as { ruleId: string }[];
    expect(results.map((r) => r.ruleId)).toEqual(expect.arrayContaining(['HI801', 'HI803', 'HI805', 'HI806']));
  });

  it('HI812 reads the OS from the image: the Debian 12 stand-in is past regular security support on 2026-12-04, the Debian 13 one is not', async () => {
    const audit = async (image: string, env: NodeJS.ProcessEnv) => {
      const result = await runMain(['audit', image, '--format', 'json', '--failure-threshold', 'none'], { env });
      expect(result.exitCode, result.stderr).toBe(0);
      return (JSON.parse(result.stdout) as { findings: AuditFinding[] }).findings.filter((f) => f.id === 'HI812');
    };
    // The distroless Node 20 stand-in is built on bookworm, as upstream's nodejs20-debian12 is.
    const bookwormImage = '127.0.0.1:5000/distroless/nodejs20-debian12:nonroot';
    expect(await audit(bookwormImage, ON_2026_12_04)).toEqual([
      expect.objectContaining({
        level: 'warning',
        path: '/etc/os-release',
        message: '/etc/os-release: Debian 12 left regular security support on 2026-06-10 (LTS fixes only some packages, until 2028-06-30); 13 (trixie) is supported until 2028-08-09',
      }),
    ]);
    // The same image a day before regular support ended.
    expect(await audit(bookwormImage, { SOURCE_DATE_EPOCH: String(Date.parse('2026-06-09T00:00:00Z') / 1000) })).toEqual([]);
    expect(await audit(BAD, ON_2026_12_04)).toEqual([]);
  }, 180_000);

  it('a hardened image from the distroless stand-in audits clean and smoke-runs healthy as non-root', () => {
    expect(good.exitCode, good.stderr + good.stdout).toBe(0);
    const result = JSON.parse(good.stdout);
    expect(result.audit.findings).toEqual([]);
    expect(result.run).toMatchObject({ ok: true, readiness: 'healthy', uid: 10001 });
    expect(result.size).toBeGreaterThan(0);
    expect(result.duration).toBeGreaterThan(0);
    const labels = JSON.parse(execFileSync(DOCKER, ['image', 'inspect', '-f', '{{json .Config.Labels}}', GOOD], { encoding: 'utf8' }));
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: goodDir, encoding: 'utf8' }).trim();
    expect(labels['org.opencontainers.image.revision']).toBe(head);
    expect(Number.isNaN(Date.parse(labels['org.opencontainers.image.created']))).toBe(false);
  });
});
