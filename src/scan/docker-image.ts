import { EnvironmentError, ExternalError } from '../cli/errors.js';
import { Engine } from '../docker/engine.js';
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

/** The engine for a scan; when none answers, the exit-3 error says how to scan without one. */
export async function connectEngine(env: NodeJS.ProcessEnv): Promise<Engine> {
  try {
    return await Engine.connect(env);
  } catch (error) {
    if (!(error instanceof EnvironmentError)) throw error;
    throw new EnvironmentError(error.what, 'DOCKER_HOST', 'start Docker (or set DOCKER_HOST), or scan a saved report with --from-report');
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0].replace(/^\(HTTP code \d+\)\s*\S+\s*-\s*/, '');
}

/**
 * The layers, history and labels of an image the engine has; with `pull`, fetches it first when
 * the engine does not have it. null when it does not exist (and was not pulled).
 */
export async function readImageFacts(engine: Engine, ref: string, pull = false): Promise<ImageFacts | null> {
  const read = async (): Promise<ImageFacts | null> => {
    const info = await engine.inspectImage(ref);
    if (!info) return null;
    const history = await engine.history(ref);
    return {
      id: info.id,
      diffIds: info.diffIds,
      history: historyWithLayers([...history].reverse().map((h) => ({ CreatedBy: h.createdBy, Size: h.size })), info.diffIds.length),
      labels: info.config.Labels ?? {},
    };
  };
  const found = await read();
  if (found || !pull) return found;
  try {
    await engine.pullImage(ref);
  } catch (error) {
    if (error instanceof EnvironmentError) throw error;
    throw new ExternalError(`cannot pull ${ref}: ${firstLine(error)}`, undefined, 'pull it yourself (docker pull) or check the FROM line', 3);
  }
  return read();
}

/** `readImageFacts` on a fresh connection to the engine `env` names. */
export async function inspectImage(ref: string, env: NodeJS.ProcessEnv, pull = false): Promise<ImageFacts | null> {
  return readImageFacts(await connectEngine(env), ref, pull);
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
