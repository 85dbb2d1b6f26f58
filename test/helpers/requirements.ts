import { existsSync } from 'node:fs';
import http from 'node:http';
import { describe, it } from 'vitest';
import { corpusDir } from './paths.js';

/**
 * A suite that needs something from outside (a Docker engine, the shared corpus): it is skipped
 * with a one-line reason when that is missing, except under CI, where a missing requirement fails.
 */
export function describeWith(missing: string | null, name: string, body: () => void): void {
  if (missing === null) {
    describe(name, body);
  } else if (process.env.CI) {
    describe(name, () => {
      it(`needs ${missing}`, () => {
        throw new Error(`${name}: ${missing} (CI must provide it: see scripts/test-env.sh)`);
      });
    });
  } else {
    console.warn(`skipped "${name}": ${missing}`);
    describe.skip(`${name} [skipped: ${missing}]`, body);
  }
}

export const corpusMissing: string | null = existsSync(corpusDir) ? null : `no shared corpus at ${corpusDir}`;

/** Runs the suite only when ../shared/corpus exists (fails under CI when it does not). */
export function describeCorpus(name: string, body: () => void): void {
  describeWith(corpusMissing, name, body);
}

function dockerSocket(): string {
  const host = process.env.DOCKER_HOST;
  if (host?.startsWith('unix://')) return host.slice('unix://'.length);
  return '/var/run/docker.sock';
}

function get(options: http.RequestOptions): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ ...options, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => {
      req.destroy();
      resolve(0);
    });
  });
}

/** null when a Docker engine answers /_ping, else why not. */
export async function probeDocker(): Promise<string | null> {
  const socketPath = dockerSocket();
  const status = await get({ socketPath, path: '/_ping' });
  return status === 200 ? null : `no Docker engine at ${socketPath} (run scripts/test-env.sh)`;
}

/** null when the test registry on 127.0.0.1:5000 answers, else why not. */
export async function probeRegistry(): Promise<string | null> {
  const status = await get({ host: '127.0.0.1', port: 5000, path: '/v2/' });
  return status === 200 ? null : 'no registry at 127.0.0.1:5000 (run scripts/test-env.sh)';
}

/** Docker engine plus test registry: what image-building suites need. */
export const dockerMissing: string | null = (await probeDocker()) ?? (await probeRegistry());

export function describeDocker(name: string, body: () => void): void {
  describeWith(dockerMissing, name, body);
}
