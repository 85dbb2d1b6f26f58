import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EnvironmentError } from '../cli/errors.js';
import { applyLine, emptyProgress, type BuildProgress } from './progress.js';

/** A docker client able to build with BuildKit, and how. */
export interface DockerCli {
  path: string;
  mode: 'buildx' | 'classic';
  version: string;
}

function candidates(env: NodeJS.ProcessEnv): string[] {
  const fromPath = (env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, 'docker'));
  return [...new Set([...(env.HARDEN_INIT_DOCKER ? [env.HARDEN_INIT_DOCKER] : []), ...fromPath, '/usr/bin/docker'])];
}

/**
 * The first docker client with buildx; else the first classic client (< 23) whose built-in
 * BuildKit works with DOCKER_BUILDKIT=1. Newer clients without buildx cannot build with BuildKit.
 */
export async function findDockerCli(env: NodeJS.ProcessEnv): Promise<DockerCli> {
  const { execa } = await import('execa');
  let classic: DockerCli | null = null;
  const seen: string[] = [];
  for (const candidate of candidates(env)) {
    const version = await execa(candidate, ['version', '--format', '{{.Client.Version}}'], { reject: false, env, timeout: 10_000 });
    if (version.failed && !version.stdout) continue;
    const clientVersion = String(version.stdout).trim().split('\n')[0];
    seen.push(`${candidate} ${clientVersion}`);
    const buildx = await execa(candidate, ['buildx', 'version'], { reject: false, env, timeout: 10_000 });
    if (buildx.exitCode === 0) return { path: candidate, mode: 'buildx', version: clientVersion };
    const major = Number(/^(\d+)/.exec(clientVersion)?.[1] ?? NaN);
    if (!classic && major < 23) classic = { path: candidate, mode: 'classic', version: clientVersion };
  }
  if (classic) return classic;
  throw new EnvironmentError(
    seen.length === 0 ? 'no docker client on PATH' : `no docker client with BuildKit (${seen.join(', ')})`,
    undefined,
    'install the buildx plugin (docker-buildx-plugin) or a docker client with BuildKit built in',
  );
}

export interface BuildRequest {
  context: string;
  dockerfile: string;
  tags: string[];
  buildArgs: Record<string, string>;
  /** `id=..,src=..` specs, as for `docker build --secret`. */
  secrets: string[];
}

export interface BuildResult {
  ok: boolean;
  imageId: string | null;
  progress: BuildProgress;
  durationMs: number;
  exitCode: number;
}

/** The arguments after the client path. */
export function buildArgs(cli: Pick<DockerCli, 'mode'>, request: BuildRequest, iidfile: string): string[] {
  const args = cli.mode === 'buildx' ? ['buildx', 'build', '--load'] : ['build'];
  args.push('--progress=plain', '--iidfile', iidfile, '-f', request.dockerfile);
  for (const tag of request.tags) args.push('--tag', tag);
  for (const [key, value] of Object.entries(request.buildArgs)) args.push('--build-arg', `${key}=${value}`);
  for (const secret of request.secrets) args.push('--secret', secret);
  args.push(request.context);
  return args;
}

/** Builds with BuildKit through the docker CLI, reporting progress as BuildKit prints it. */
export async function buildImage(cli: DockerCli, request: BuildRequest, env: NodeJS.ProcessEnv, onProgress?: (progress: BuildProgress) => void): Promise<BuildResult> {
  const { execa } = await import('execa');
  const dir = await mkdtemp(path.join(tmpdir(), 'harden-init-build-'));
  const iidfile = path.join(dir, 'iid');
  const started = Date.now();
  const progress = emptyProgress();
  try {
    const child = execa(cli.path, buildArgs(cli, request, iidfile), { reject: false, all: true, env: { ...env, DOCKER_BUILDKIT: '1', BUILDKIT_PROGRESS: 'plain' }, stdin: 'ignore', lines: false, buffer: false });
    let pending = '';
    child.all?.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) applyLine(progress, line);
      onProgress?.(progress);
    });
    const result = await child;
    if (pending) applyLine(progress, pending);
    onProgress?.(progress);
    const imageId = result.exitCode === 0 ? (await readFile(iidfile, 'utf8').catch(() => '')).trim() || null : null;
    return { ok: result.exitCode === 0 && imageId !== null, imageId, progress, durationMs: Date.now() - started, exitCode: result.exitCode ?? -1 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
