// Pure write planning: what would happen to each file, before anything touches the disk.

/** A file the generator produced; `path` is relative to the project folder, with `/` separators. */
export interface FileToWrite {
  path: string;
  content: string;
}

/** create: no such file yet; identical: same bytes already there; conflict: a different file exists. */
export type PlanAction = 'create' | 'identical' | 'conflict';

export interface PlannedWrite extends FileToWrite {
  action: PlanAction;
  /** Current content of the file on disk, null when it does not exist. */
  existing: string | null;
}

/** Verbs of the per-file status lines, all padded to the same width. */
export type StatusVerb = 'create' | 'identical' | 'conflict' | 'backup' | 'write' | 'skip';

export const VERB_WIDTH = 'identical'.length;

/** Plans each file against what exists (`existing.get(path)`: content, or null/undefined when absent). */
export function planWrites(files: readonly FileToWrite[], existing: ReadonlyMap<string, string | null>): PlannedWrite[] {
  return files.map((file) => {
    const current = existing.get(file.path) ?? null;
    const action: PlanAction = current === null ? 'create' : current === file.content ? 'identical' : 'conflict';
    return { ...file, action, existing: current };
  });
}

/** `create     Dockerfile`: the verb padded to a fixed width, then the path (never shortened). */
export function statusLine(verb: StatusVerb, path: string, detail?: string): string {
  return `${verb.padEnd(VERB_WIDTH)}  ${path}${detail ? ` ${detail}` : ''}`;
}

/** Rejects paths that would leave the project folder. */
export function safeRelativePath(path: string): string | null {
  const normalized = path.replace(/\\/g, '/');
  if (normalized === '' || normalized.startsWith('/') || /^[A-Za-z]:/.test(normalized)) return null;
  if (normalized.split('/').some((part) => part === '..')) return null;
  return normalized;
}

/** Candidate backup names for a file, in order: `x.harden-init.bak`, `x.harden-init.1.bak`, ... */
export function backupName(path: string, attempt: number): string {
  return attempt === 0 ? `${path}.harden-init.bak` : `${path}.harden-init.${attempt}.bak`;
}
