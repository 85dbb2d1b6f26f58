// Shared by the Docker tests that build a generated app for real: generate it, build it with this
// machine's CA bundle (and a canary build secret) through `harden-init build`, run it the hardened
// way, probe it over HTTP, then look for the CA and the canary in every layer of the image.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { prepareGeneration } from '../../src/generate/prepare.js';
import type { Answers } from '../../src/questions/answers.js';
import { hostCaBundle } from '../helpers/ca.js';
import { appsDir, fixtureAnswers } from '../generate/helpers.js';
import { runMain } from './run-main.js';

export const DOCKER = '/usr/bin/docker';
export const REGISTRY = '127.0.0.1:5000';

export function docker(args: string[], cwd?: string) {
  return execa(DOCKER, args, { cwd, env: { DOCKER_BUILDKIT: '1' }, reject: false, all: true });
}

/** Polls `fn` (bounded) until it returns a value other than null. */
export async function poll<T>(what: string, fn: () => Promise<T | null>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value !== null) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what}: no result within ${timeoutMs} ms${last ? ` (${String(last)})` : ''}`);
}

export function listFiles(root: string, relative = ''): string[] {
  return readdirSync(path.join(root, relative), { withFileTypes: true }).flatMap((entry) => {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return listFiles(root, rel);
    return entry.isFile() ? [rel] : [];
  });
}

/** Files under `root` whose bytes contain any of `needles`. */
export function filesContaining(root: string, needles: string[]): string[] {
  return listFiles(root).filter((file) => {
    const full = path.join(root, file);
    if (statSync(full).size > 200 * 1024 * 1024) return false;
    const bytes = readFileSync(full);
    return needles.some((needle) => bytes.includes(needle));
  });
}

export interface HardenedAppOptions {
  port: number;
  /** The HTTP path probed once the container runs, e.g. the health route. */
  probePath: string;
  /** Id of the build secret that carries the canary (npmrc, pipconf, or any id: /run/secrets/<id>). */
  canary: string;
  /** Lines after the canary in that secret, e.g. `cache=/tmp/npm-cache\n` so npm must download. */
  settings?: string;
  /** Answers on top of the fixture's own. */
  overrides?: Partial<Answers>;
  /** Adds or edits files of the copied app before generation. */
  plant?: (dir: string) => void;
  /** How `build` gets the CA bundle: the caCert saved in .harden-init.json (default) or --ca-cert. */
  caVia?: 'answers' | 'flag';
  /** tmpfs mounts of the hardened run (default /tmp). */
  tmpfs?: string[];
}

/**
 * A scratch folder plus the images and containers made in it; `cleanup()` removes them all
 * (call it from afterAll).
 */
export class DockerLab {
  readonly work: string;
  readonly suffix = `${process.pid}-${Date.now().toString(36)}`;
  private readonly undo: Array<() => Promise<unknown>> = [];

  constructor(name: string) {
    this.work = mkdtempSync(path.join(os.tmpdir(), `harden-init-${name}-`));
  }

  onCleanup(step: () => Promise<unknown>): void {
    this.undo.push(step);
  }

  async cleanup(): Promise<void> {
    for (const step of this.undo.reverse()) await step().catch(() => undefined);
    rmSync(this.work, { recursive: true, force: true });
  }

  /**
   * Copies a fixture app (without answers.json and expected/), lets `plant` add files, and writes
   * what harden-init generates for the fixture's answers plus `overrides`, pulling bases through the
   * test registry with digests pinned.
   */
  async generatedApp(name: string, overrides: Partial<Answers> = {}, plant?: (dir: string) => void): Promise<string> {
    let dir = path.join(this.work, name);
    for (let n = 2; existsSync(dir); n++) dir = path.join(this.work, `${name}-${n}`);
    cpSync(path.join(appsDir, name), dir, { recursive: true, filter: (src) => !/[/\\](expected|answers\.json|node_modules)$/.test(src) });
    plant?.(dir);
    const result = await prepareGeneration(dir, { ...fixtureAnswers(name), ...overrides }, { registry: REGISTRY, pin: true });
    for (const file of result.files) {
      mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
      writeFileSync(path.join(dir, file.path), file.content);
    }
    return dir;
  }

  /**
   * This machine's CA bundle with one more CA appended, made for this run: the bundle the builds
   * trust, and a PEM line no image could hold unless the secret leaked into it.
   */
  async caBundle(): Promise<{ file: string; needle: string }> {
    this.ca ??= this.makeCaBundle();
    return this.ca;
  }

  private ca: Promise<{ file: string; needle: string }> | undefined;

  private async makeCaBundle(): Promise<{ file: string; needle: string }> {
    if (!hostCaBundle) throw new Error('no CA bundle on this machine (see test/helpers/ca.ts)');
    const dir = path.join(this.work, 'ca');
    mkdirSync(dir, { recursive: true });
    const made = await execa('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'own.pem'), '-days', '1', '-subj', `/CN=harden-init test CA ${this.suffix}`], { reject: false, all: true });
    if (made.exitCode !== 0) throw new Error(`openssl could not make a test CA: ${made.all}`);
    rmSync(path.join(dir, 'key.pem'));
    const own = readFileSync(path.join(dir, 'own.pem'), 'utf8');
    const file = path.join(dir, 'bundle.pem');
    writeFileSync(file, `${readFileSync(hostCaBundle, 'utf8').replace(/\n*$/, '\n')}${own}`);
    // A full base64 line of the certificate's body: unique to this run.
    const needle = own.split('\n').filter((line) => /^[A-Za-z0-9+/]{64}$/.test(line))[1];
    return { file, needle };
  }

  /**
   * A build secret file holding a unique canary string (a comment line, which npm's .npmrc, pip's
   * pip.conf and a plain file all read without effect), then `settings`, e.g. `cache=/tmp/npm` for npm.
   */
  canarySecret(id: string, settings = ''): { spec: string; needle: string } {
    const needle = `CANARY_${id}_${this.suffix.replace(/-/g, '_')}_do_not_ship`;
    const file = path.join(this.work, `${id}-${(this.secrets += 1)}.secret`);
    writeFileSync(file, `# ${needle}\n${settings}`);
    return { spec: `id=${id},src=${file}`, needle };
  }

  private secrets = 0;

  /** `harden-init build --json` of the app; the image is removed by cleanup(). */
  async build(dir: string, tag: string, extraArgs: string[] = []) {
    this.onCleanup(() => docker(['rmi', '-f', tag]));
    const result = await runMain(['build', dir, '--tag', tag, '--json', ...extraArgs]);
    return { ...result, json: result.exitCode === 0 || result.exitCode === 1 ? (JSON.parse(result.stdout) as Record<string, unknown>) : null };
  }

  /**
   * Runs the image the hardened way (read-only root, no capabilities, no privilege gain, tmpfs for
   * the writable dirs), waits until `probePath` answers over HTTP, and reports who runs it.
   */
  async runHardened(tag: string, options: { port: number; probePath: string; tmpfs?: string[] }): Promise<{ status: number; body: string; uid: number; user: string; health: string | null }> {
    const tmpfs = (options.tmpfs ?? ['/tmp']).flatMap((dir) => ['--tmpfs', dir]);
    const run = await docker([
      'run', '-d', '--read-only', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges:true', ...tmpfs,
      '--health-interval', '1s', '--health-start-period', '0s', '-p', `127.0.0.1::${options.port}`, tag,
    ]);
    if (run.exitCode !== 0) throw new Error(`docker run ${tag}: ${run.all}`);
    const id = run.stdout.trim();
    this.onCleanup(() => docker(['rm', '-f', id]));
    const logs = async () => (await docker(['logs', id])).all ?? '';
    const mapped = (await docker(['port', id, `${options.port}/tcp`])).stdout.trim().split('\n')[0];
    const answer = await poll(`GET http://${mapped}${options.probePath}`, async () => {
      const response = await fetch(`http://${mapped}${options.probePath}`, { signal: AbortSignal.timeout(2000) });
      return { status: response.status, body: await response.text() };
    }).catch(async (error: Error) => {
      throw new Error(`${error.message}\ncontainer log:\n${await logs()}`);
    });
    // The uid of the container's first process as the host's ps sees it (docker top needs the PID column).
    const top = await docker(['top', id, '-eo', 'pid,uid']);
    const uid = Number(top.stdout.trim().split('\n')[1]?.trim().split(/\s+/)[1]);
    const user = (await docker(['inspect', '-f', '{{.Config.User}}', tag])).stdout.trim();
    const hasHealthcheck = (await docker(['inspect', '-f', '{{json .Config.Healthcheck}}', tag])).stdout.trim() !== 'null';
    const health = hasHealthcheck
      ? await poll('health status', async () => {
          const status = (await docker(['inspect', '-f', '{{.State.Health.Status}}', id])).stdout.trim();
          return status === 'starting' ? null : status;
        })
      : null;
    return { ...answer, uid, user, health };
  }

  /**
   * The whole check for one fixture app: generate it with this run's CA bundle and a canary build
   * secret, build it with `harden-init build` (the CA from .harden-init.json, or `--ca-cert` with
   * `caVia: 'flag'`), run it hardened and probe it, then search every layer for the CA and the canary.
   * The caller asserts on what comes back, e.g. (another app is one more call):
   *   const app = await lab.hardenedApp('node-express', { port: 3000, probePath: '/health', canary: 'npmrc' });
   *   expect(app.build.exitCode).toBe(0); expect(app.run.uid).toBe(10001); expect(app.image.hits).toEqual([]);
   */
  async hardenedApp(name: string, options: HardenedAppOptions) {
    const ca = await this.caBundle();
    const canary = this.canarySecret(options.canary, options.settings);
    const dir = await this.generatedApp(name, { caCert: ca.file, buildSecrets: [options.canary], ...options.overrides }, options.plant);
    const dockerfile = readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
    const tag = `harden-init-test/app-${name}:${this.suffix}`;
    const build = await this.build(dir, tag, ['--secret', canary.spec, ...(options.caVia === 'flag' ? ['--ca-cert', ca.file] : [])]);
    if (build.exitCode !== 0) return { dir, dockerfile, tag, ca, canary, build, run: null, image: null };
    const run = await this.runHardened(tag, { port: options.port, probePath: options.probePath, tmpfs: options.tmpfs });
    const image = await this.imageContents(tag, [ca.needle, canary.needle]);
    return { dir, dockerfile, tag, ca, canary, build, run, image };
  }

  /**
   * Every layer of the image (docker save), unpacked, and its config (history, env, labels): the
   * files among them that contain any of `needles`, and every file path, to look for names.
   */
  async imageContents(tag: string, needles: string[]): Promise<{ hits: string[]; files: string[] }> {
    const saved = path.join(this.work, `image-${tag.replace(/[^a-z0-9]+/gi, '-')}`);
    mkdirSync(saved, { recursive: true });
    const save = await docker(['save', '-o', path.join(saved, 'image.tar'), tag]);
    if (save.exitCode !== 0) throw new Error(`docker save ${tag}: ${save.all}`);
    await execa('tar', ['-xf', 'image.tar'], { cwd: saved });
    rmSync(path.join(saved, 'image.tar'));
    const layers = listFiles(saved).filter((file) => file.endsWith('layer.tar'));
    if (layers.length === 0) throw new Error(`docker save ${tag}: no layers`);
    for (const layer of layers) {
      const out = path.join(saved, `${layer}.d`);
      mkdirSync(out, { recursive: true });
      await execa('tar', ['-xf', path.join(saved, layer), '-C', out]);
      rmSync(path.join(saved, layer));
    }
    const history = await docker(['history', '--no-trunc', '--format', '{{.CreatedBy}}', tag]);
    writeFileSync(path.join(saved, 'history.txt'), history.stdout);
    return { hits: filesContaining(saved, needles), files: listFiles(saved) };
  }
}
