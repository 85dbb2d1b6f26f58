import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { explainFailure } from './explain.js';
import type { Engine, ImageInfo } from './engine.js';

export interface SmokeOptions {
  image: string;
  /** The port the app listens on; defaults to the image's first exposed TCP port. */
  port?: number | null;
  /** Writable directories besides /tmp, mounted as tmpfs (like compose.yaml does). */
  writableDirs?: string[];
  /** Give up after this long. Default 60 s. */
  timeoutMs?: number;
}

export interface SmokeResult {
  ok: boolean;
  /** How the run was judged ready: the image's HEALTHCHECK, the port answering, or staying up. */
  readiness: 'healthy' | 'port' | 'running' | 'none';
  uid: number | null;
  /** Seconds until ready (or until it failed). */
  seconds: number;
  /** The likely cause and fix, when it failed. */
  cause?: string;
  logs: string;
  flags: string[];
}

export const HARDENED_FLAGS = ['--read-only', '--tmpfs /tmp', '--cap-drop ALL', '--security-opt no-new-privileges'];

function exposedPort(info: ImageInfo): number | null {
  const key = Object.keys(info.config.ExposedPorts ?? {}).find((k) => k.endsWith('/tcp'));
  return key ? Number(key.split('/')[0]) : null;
}

/** True when something answers HTTP (or any bytes) on the port, not just the engine's port proxy. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.on('connect', () => socket.write('GET / HTTP/1.0\r\nHost: localhost\r\n\r\n'));
    socket.on('data', () => done(true));
    socket.on('error', () => done(false));
    socket.on('end', () => done(false));
  });
}

/**
 * Starts the image read-only, with a tmpfs /tmp, no capabilities and no-new-privileges; waits
 * until it is healthy, answers on its port or (with neither) stays up; reports the uid; removes it.
 */
export async function smokeRun(engine: Engine, options: SmokeOptions): Promise<SmokeResult> {
  const info = await engine.inspectImage(options.image);
  if (!info) throw new Error(`no image ${options.image}`);
  const port = options.port ?? exposedPort(info);
  const hasHealthcheck = Boolean(info.config.Healthcheck?.Test?.length && info.config.Healthcheck.Test[0] !== 'NONE');
  const tmpfs = [...new Set(['/tmp', ...(options.writableDirs ?? [])])];
  const flags = [...HARDENED_FLAGS, ...tmpfs.filter((d) => d !== '/tmp').map((d) => `--tmpfs ${d}`)];
  const timeoutMs = options.timeoutMs ?? 60_000;
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 100) / 10;
  let id: string;
  let hostPort: number | null;
  try {
    ({ id, hostPort } = await engine.startContainer({ image: options.image, readOnly: true, tmpfs, capDrop: ['ALL'], noNewPrivileges: true, port: port ?? undefined, healthIntervalMs: hasHealthcheck ? 1000 : undefined }));
  } catch (error) {
    const message = (error as Error).message;
    return { ok: false, readiness: 'none', uid: null, seconds: seconds(), cause: explainFailure(message, null), logs: message, flags };
  }
  try {
    let uid: number | null = null;
    const readiness: SmokeResult['readiness'] = hasHealthcheck ? 'healthy' : port && hostPort ? 'port' : 'running';
    while (Date.now() - started < timeoutMs) {
      const state = await engine.containerState(id);
      if (!state.running) {
        const logs = await engine.containerLogs(id);
        return { ok: false, readiness, uid, seconds: seconds(), cause: explainFailure(`${logs}\n${state.error}`, state.exitCode, state.oomKilled), logs, flags };
      }
      if (uid === null) uid = (await engine.containerProcesses(id).catch(() => []))[0]?.uid ?? null;
      const ready =
        readiness === 'healthy' ? state.health === 'healthy' : readiness === 'port' ? await answers(hostPort as number) : Date.now() - started > 3000;
      if (readiness === 'healthy' && state.health === 'unhealthy') {
        const logs = await engine.containerLogs(id);
        return { ok: false, readiness, uid, seconds: seconds(), cause: `the HEALTHCHECK failed: ${explainFailure(logs, null)}`, logs, flags };
      }
      if (ready) {
        uid = (await engine.containerProcesses(id).catch(() => []))[0]?.uid ?? uid;
        return { ok: true, readiness, uid, seconds: seconds(), logs: await engine.containerLogs(id), flags };
      }
      await sleep(500);
    }
    const logs = await engine.containerLogs(id);
    const what = readiness === 'healthy' ? 'did not become healthy' : `did not answer on port ${port}`;
    return { ok: false, readiness, uid, seconds: seconds(), cause: `the container ${what} within ${timeoutMs / 1000} s: ${explainFailure(logs, null)}`, logs, flags };
  } finally {
    await engine.removeContainer(id);
  }
}
