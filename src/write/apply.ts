// The one place that writes project files: backups that are never overwritten, atomic replaces.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, mkdir, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { backupName, planWrites, safeRelativePath, type FileToWrite, type PlannedWrite, type StatusVerb } from './plan.js';

/** One line of progress: `backup Dockerfile -> Dockerfile.harden-init.bak`, `write Dockerfile`. */
export interface WriteStatus {
  verb: StatusVerb;
  path: string;
  /** For `backup`: where the previous content was saved. */
  backup?: string;
}

function resolveInside(root: string, relative: string): string {
  const safe = safeRelativePath(relative);
  if (safe === null) throw new Error(`refusing to write outside the project folder: ${relative}`);
  return path.join(root, ...safe.split('/'));
}

/** Reads the current content of each path under root (null when absent). */
export async function readExisting(root: string, paths: readonly string[]): Promise<Map<string, string | null>> {
  const entries = await Promise.all(
    paths.map(async (relative): Promise<[string, string | null]> => {
      try {
        return [relative, await readFile(resolveInside(root, relative), 'utf8')];
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [relative, null];
        throw error;
      }
    }),
  );
  return new Map(entries);
}

/** Plans writes against the files on disk. */
export async function planFromDisk(root: string, files: readonly FileToWrite[]): Promise<PlannedWrite[]> {
  return planWrites(files, await readExisting(root, files.map((file) => file.path)));
}

function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

async function writeTemp(target: string, content: string | Buffer, mode: number): Promise<string> {
  const temp = tempPathFor(target);
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => {});
    throw error;
  }
  await handle.close();
  return temp;
}

/**
 * Replaces (or creates) a file atomically: temp file in the same folder, then rename. Keeps the mode
 * of an existing file unless `mode` is given (e.g. 0o600 for a private key).
 */
export async function writeFileAtomic(target: string, content: string | Buffer, mode?: number): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  mode ??= await stat(target).then((info) => info.mode & 0o7777, () => 0o644);
  const temp = await writeTemp(target, content, mode);
  try {
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

/**
 * Copies a file to `<name>.harden-init.bak` (or `.1.bak`, `.2.bak`... when taken), byte for byte.
 * An existing backup is never overwritten: the copy is hard-linked into place, which fails if the name exists.
 * Returns the backup path relative to root.
 */
export async function backupFile(root: string, relative: string): Promise<string> {
  const source = resolveInside(root, relative);
  const bytes = await readFile(source);
  const mode = (await stat(source)).mode & 0o7777;
  const temp = await writeTemp(source, bytes, mode);
  try {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const candidate = backupName(relative, attempt);
      try {
        await link(temp, resolveInside(root, candidate));
        return candidate;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
        // File systems without hard links: exclusive create still never overwrites.
        try {
          await writeFile(resolveInside(root, candidate), bytes, { flag: 'wx', mode });
          return candidate;
        } catch (inner) {
          if ((inner as NodeJS.ErrnoException).code === 'EEXIST') continue;
          throw inner;
        }
      }
    }
    throw new Error(`too many backups of ${relative}`);
  } finally {
    await unlink(temp).catch(() => {});
  }
}

export interface ApplyOptions {
  /** Called for each status line as it happens. */
  onStatus?: (status: WriteStatus) => void;
  /** Conflicting files to leave untouched (the user kept theirs). */
  skip?: ReadonlySet<string>;
}

/**
 * Applies a plan: creates new files, leaves identical ones, backs up then replaces conflicting ones.
 * Each file is written atomically; returns the status lines in order.
 */
export async function applyPlan(root: string, plan: readonly PlannedWrite[], options: ApplyOptions = {}): Promise<WriteStatus[]> {
  const statuses: WriteStatus[] = [];
  const report = (status: WriteStatus) => {
    statuses.push(status);
    options.onStatus?.(status);
  };
  for (const entry of plan) {
    const target = resolveInside(root, entry.path);
    if (entry.action === 'identical') {
      report({ verb: 'identical', path: entry.path });
      continue;
    }
    if (entry.action === 'conflict') {
      if (options.skip?.has(entry.path)) {
        report({ verb: 'skip', path: entry.path });
        continue;
      }
      const backup = await backupFile(root, entry.path);
      report({ verb: 'backup', path: entry.path, backup });
      await writeFileAtomic(target, entry.content);
      report({ verb: 'write', path: entry.path });
      continue;
    }
    // A file that appeared since planning is still backed up, never lost.
    const appeared = await stat(target).then(() => true, () => false);
    if (appeared) report({ verb: 'backup', path: entry.path, backup: await backupFile(root, entry.path) });
    await writeFileAtomic(target, entry.content);
    report({ verb: appeared ? 'write' : 'create', path: entry.path });
  }
  return statuses;
}
