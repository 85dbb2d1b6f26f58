import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, expect, it } from 'vitest';
import { caSecretSpec } from '../../src/generate/ca.js';
import { detect } from '../../src/detect/index.js';
import { prepareGeneration } from '../../src/generate/prepare.js';
import { resolveAnswers } from '../../src/questions/resolve.js';
import { describeDocker } from '../helpers/requirements.js';
import type { Answers } from '../../src/questions/answers.js';
import { hostCaBundle } from '../helpers/ca.js';
import { runCli } from '../helpers/cli.js';
import { docker, filesContaining, listFiles, poll, REGISTRY } from '../docker/hardened-app.js';
import { appsDir, fixtureAnswers } from './helpers.js';

const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cleanup: Array<() => Promise<unknown>> = [];
const work = mkdtempSync(path.join(os.tmpdir(), 'harden-init-docker-'));

afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
});

/**
 * Copies a fixture app (without answers.json and expected/) and writes the generated files into it,
 * trusting this machine's CA bundle where the build downloads (the express fixture installs from npm).
 */
async function generatedApp(name: string, plant?: (dir: string) => void, answers: Answers = fixtureAnswers(name), into = name): Promise<string> {
  const dir = path.join(work, into);
  cpSync(path.join(appsDir, name), dir, { recursive: true, filter: (src) => !/[/\\](expected|answers\.json)$/.test(src) });
  plant?.(dir);
  const result = await prepareGeneration(dir, { ...answers, caCert: hostCaBundle }, { registry: REGISTRY, pin: true });
  for (const file of result.files) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.content);
  }
  expect(result.baseImages.every((base) => base.ref === 'scratch' || /^127\.0\.0\.1:5000\/.+@sha256:[a-f0-9]{64}$/.test(base.ref))).toBe(true);
  return dir;
}

async function build(dir: string, tag: string): Promise<void> {
  const ca = hostCaBundle ? ['--secret', caSecretSpec(hostCaBundle)] : [];
  const result = await docker(['build', '--build-arg', 'CREATED=2025-01-01T00:00:00Z', '--build-arg', 'REVISION=test', ...ca, '-t', tag, '.'], dir);
  expect(result.exitCode, result.all?.slice(-3000)).toBe(0);
  cleanup.push(() => docker(['rmi', '-f', tag]));
}

describeDocker('generated Dockerfiles build and run hardened on Docker', () => {
  for (const [name, port] of [
    ['node-express', 3000],
    ['python-stdlib', 8000],
    ['go-http', 8080],
  ] as const) {
    it(`${name}: builds against the stand-in bases, runs read-only without capabilities as a non-root uid, answers and turns healthy`, async () => {
      const dir = await generatedApp(name);
      const tag = `harden-init-test/${name}:${suffix}`;
      await build(dir, tag);
      const run = await docker([
        'run', '-d', '--read-only', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges:true', '--tmpfs', '/tmp',
        '--health-interval', '1s', '--health-start-period', '0s', '-p', `127.0.0.1::${port}`, tag,
      ]);
      expect(run.exitCode, run.all).toBe(0);
      const id = run.stdout.trim();
      cleanup.push(() => docker(['rm', '-f', id]));
      const mapped = (await docker(['port', id, `${port}/tcp`])).stdout.trim().split('\n')[0];
      const body = await poll(`GET ${mapped}`, async () => {
        const response = await fetch(`http://${mapped}/`, { signal: AbortSignal.timeout(2000) });
        return response.ok ? ((await response.json()) as { uid: number }) : null;
      });
      expect(body.uid).toBe(10001);
      const user = (await docker(['inspect', '-f', '{{.Config.User}}', tag])).stdout.trim();
      expect(user).toBe('10001:10001');
      const health = await poll('health status', async () => {
        const status = (await docker(['inspect', '-f', '{{.State.Health.Status}}', id])).stdout.trim();
        return status === 'starting' ? null : status;
      });
      expect(health).toBe('healthy');
      const labels = JSON.parse((await docker(['inspect', '-f', '{{json .Config.Labels}}', tag])).stdout) as Record<string, string>;
      expect(labels['org.opencontainers.image.revision']).toBe('test');
      expect(labels['org.opencontainers.image.created']).toBe('2025-01-01T00:00:00Z');
      if (name === 'node-express') {
        // Declared writable dirs belong to the app user; the app's own files do not.
        const probe = await docker([
          'run', '--rm', '--entrypoint', '/nodejs/bin/node', tag, '-e',
          "const fs = require('fs'); fs.writeFileSync('/app/data/ok', '1'); try { fs.writeFileSync('/app/src/server.js', 'x'); process.exit(3); } catch (e) { if (e.code !== 'EACCES') throw e; }",
        ]);
        expect(probe.exitCode, probe.all).toBe(0);
      }
    }, 600_000);
  }

  it('a health route detection finds in the code becomes the HEALTHCHECK the running container passes', async () => {
    // Only /healthz answers 200: the container turns healthy only if that is the path probed.
    const server = "const http = require('node:http');\nhttp.createServer((req, res) => {\n  if (req.url === '/healthz') return res.end('ok');\n  res.statusCode = 404;\n  res.end();\n}).listen(3000);\nprocess.on('SIGTERM', () => process.exit(0));\n";
    const source = path.join(work, 'healthz-source');
    cpSync(path.join(appsDir, 'node-express'), source, { recursive: true, filter: (src) => !/[/\\](expected|answers\.json)$/.test(src) });
    writeFileSync(path.join(source, 'src/server.js'), server);
    const detection = await detect(source);
    expect(detection.healthcheck).toBe('/healthz');
    const answers = resolveAnswers({ flags: { contact: 'mailto:security@example.com' }, detection, now: new Date() });
    expect(answers.healthcheck).toBe('/healthz');
    const dir = await generatedApp('node-express', (app) => writeFileSync(path.join(app, 'src/server.js'), server), answers, 'node-healthz');
    const tag = `harden-init-test/healthz:${suffix}`;
    await build(dir, tag);
    const run = await docker(['run', '-d', '--read-only', '--cap-drop', 'ALL', '--health-interval', '1s', '--health-start-period', '0s', tag]);
    expect(run.exitCode, run.all).toBe(0);
    const id = run.stdout.trim();
    cleanup.push(() => docker(['rm', '-f', id]));
    const health = await poll('health status', async () => {
      const status = (await docker(['inspect', '-f', '{{.State.Health.Status}}', id])).stdout.trim();
      return status === 'starting' ? null : status;
    });
    expect(health).toBe('healthy');
  }, 600_000);

  it('without a public security.txt URL, the image carries security.contact and `audit` names who to tell (tty and JSON)', async () => {
    const answers = fixtureAnswers('node-express');
    const dir = await generatedApp('node-express', undefined, { ...answers, security: { ...answers.security, url: undefined } }, 'node-express-contact');
    const tag = `harden-init-test/contact:${suffix}`;
    await build(dir, tag);
    const labels = JSON.parse((await docker(['inspect', '-f', '{{json .Config.Labels}}', tag])).stdout) as Record<string, string>;
    expect(labels['security.contact']).toBe('mailto:security@example.com');
    expect(labels.securitytxt).toBeUndefined();
    const json = await runCli(['audit', tag, '--format', 'json']);
    const report = JSON.parse(json.stdout) as { contact: unknown; findings: Array<{ id: string; level: string; message: string }> };
    expect(report.contact).toEqual({ label: 'security.contact', value: 'mailto:security@example.com' });
    expect(report.findings.filter((f) => f.id === 'HI809').map((f) => [f.level, f.message])).toEqual([
      ['style', 'no securitytxt label: security.contact (mailto:security@example.com) says who to tell; add securitytxt once security.txt is served'],
    ]);
    const tty = await runCli(['audit', tag]);
    expect(tty.stdout.split('\n')[1]).toBe('security contact: mailto:security@example.com (label security.contact)');
  }, 600_000);

  it('a canary in .env and a private key in the app reach neither the build context nor any image layer', async () => {
    const canary = `CANARY_${suffix}_do_not_ship`;
    const keyMarker = `KEYMATERIAL${suffix.replace(/-/g, '')}`;
    const dir = await generatedApp('node-express', (app) => {
      writeFileSync(path.join(app, '.env'), `API_TOKEN=${canary}\n`);
      writeFileSync(path.join(app, '.env.production'), `API_TOKEN=${canary}\n`);
      mkdirSync(path.join(app, 'deploy'), { recursive: true });
      writeFileSync(path.join(app, 'deploy', 'id_ed25519'), `-----BEGIN OPENSSH PRIVATE KEY-----\n${keyMarker}\n-----END OPENSSH PRIVATE KEY-----\n`);
      writeFileSync(path.join(app, 'server.key'), `-----BEGIN PRIVATE KEY-----\n${keyMarker}\n-----END PRIVATE KEY-----\n`);
    });
    const secrets = [canary, keyMarker];

    // The build context as Docker sends it: a throwaway build that copies all of it out.
    const probeDockerfile = path.join(work, 'context-probe.Dockerfile');
    writeFileSync(probeDockerfile, 'FROM scratch\nCOPY . /context/\n');
    const contextOut = path.join(work, 'context-out');
    const probe = await docker(['build', '-f', probeDockerfile, '-o', `type=local,dest=${contextOut}`, '.'], dir);
    expect(probe.exitCode, probe.all?.slice(-2000)).toBe(0);
    const contextFiles = listFiles(contextOut);
    expect(contextFiles).toContain('context/src/server.js');
    expect(contextFiles.filter((file) => /\.env|id_ed25519|server\.key/.test(file))).toEqual([]);
    expect(filesContaining(contextOut, secrets)).toEqual([]);

    // Every layer and the config (history, env, labels) of the built image.
    const tag = `harden-init-test/canary:${suffix}`;
    await build(dir, tag);
    const saved = path.join(work, 'canary-image');
    mkdirSync(saved, { recursive: true });
    const save = await docker(['save', '-o', path.join(saved, 'image.tar'), tag]);
    expect(save.exitCode, save.all).toBe(0);
    await execa('tar', ['-xf', 'image.tar'], { cwd: saved });
    rmSync(path.join(saved, 'image.tar'));
    const layers = listFiles(saved).filter((file) => file.endsWith('layer.tar'));
    expect(layers.length).toBeGreaterThan(0);
    for (const layer of layers) {
      const out = path.join(saved, `${layer}.d`);
      mkdirSync(out, { recursive: true });
      await execa('tar', ['-xf', path.join(saved, layer), '-C', out]);
    }
    expect(listFiles(saved).some((file) => file.endsWith('src/server.js'))).toBe(true);
    expect(listFiles(saved).filter((file) => /(^|\/)(\.env[^/]*|id_ed25519|server\.key)$/.test(file))).toEqual([]);
    expect(filesContaining(saved, secrets)).toEqual([]);
  }, 600_000);
});
