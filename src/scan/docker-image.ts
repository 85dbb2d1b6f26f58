import { EnvironmentError, ExternalError } from '../cli/errors.js';
import type { HistoryEntry } from './locate.js';

/** What `--exclude-base` and `--file` need to know of an image. */
export interface ImageFacts {
  id: string;
  /** Diff ids of its layers, bottom first. */
  diffIds: string[];
  /** Oldest first, as in the image config. */
  history: HistoryEntry[];
  labels: Record<string, string>;
}

type Docker = import('dockerode');

async function connect(env: NodeJS.ProcessEnv): Promise<Docker> {
  const { default: Dockerode } = await import('dockerode');
  const host = env.DOCKER_HOST;
  if (host?.startsWith('tcp://')) {
    const url = new URL(host.replace(/^tcp:/, 'http:'));
    return new Dockerode({ host: url.hostname, port: Number(url.port || 2375) });
  }
  return new Dockerode({ socketPath: host?.startsWith('unix://') ? host.slice('unix://'.length) : '/var/run/docker.sock' });
}

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number }).statusCode;
}

function noEngine(error: unknown): EnvironmentError {
  return new EnvironmentError(`no Docker engine answers (${(error as Error).message.split('\n')[0]})`, 'DOCKER_HOST', 'start Docker, or scan a saved report with --from-report');
}

/**
 * The layers, history and labels of a local image; with `pull`, fetches it first when the engine
 * does not have it. null when it does not exist (and was not pulled).
 */
export async function inspectImage(ref: string, env: NodeJS.ProcessEnv, pull = false): Promise<ImageFacts | null> {
  const docker = await connect(env);
  const read = async (): Promise<ImageFacts | null> => {
    try {
      const image = docker.getImage(ref);
      const [info, history] = await Promise.all([image.inspect(), image.history() as Promise<{ CreatedBy: string; Size: number; Id: string }[]>]);
      const diffIds = info.RootFS?.Layers ?? [];
      return { id: info.Id, diffIds, history: historyWithLayers([...history].reverse(), diffIds.length), labels: info.Config?.Labels ?? {} };
    } catch (error) {
      if (statusOf(error) === 404) return null;
      if (statusOf(error) === undefined) throw noEngine(error);
      throw error;
    }
  };
  const found = await read();
  if (found || !pull) return found;
  try {
    const stream = await docker.pull(ref);
    await new Promise<void>((resolve, reject) => docker.modem.followProgress(stream, (err: Error | null) => (err ? reject(err) : resolve())));
  } catch (error) {
    if (statusOf(error) === undefined && !(error as Error).message.includes('manifest')) throw noEngine(error);
    throw new ExternalError(`cannot pull ${ref}: ${(error as Error).message.split('\n')[0]}`, undefined, 'pull it yourself (docker pull) or check the FROM line', 3);
  }
  return read();
}

// BuildKit also records a (possibly empty) layer for a WORKDIR that creates its directory.
const MAKES_LAYER = /^(RUN|COPY|ADD|WORKDIR)\b|\/bin\/sh -c (?!#\(nop\))|#\(nop\)\s+(ADD|COPY|WORKDIR)\b/;

/**
 * `docker history` does not say which entries made a layer. Size > 0 does, except for layers that
 * changed nothing (a WORKDIR, a RUN that wrote nothing): then the instruction keyword says it too.
 */
export function historyWithLayers(entries: { CreatedBy: string; Size: number }[], layerCount: number): HistoryEntry[] {
  const bySize = entries.map((h) => ({ createdBy: h.CreatedBy, emptyLayer: h.Size === 0 }));
  const byKeyword = entries.map((h) => ({ createdBy: h.CreatedBy, emptyLayer: h.Size === 0 && !MAKES_LAYER.test(h.CreatedBy.trim()) }));
  const count = (list: HistoryEntry[]) => list.filter((h) => !h.emptyLayer).length;
  if (count(bySize) === layerCount) return bySize;
  return byKeyword;
}
