import type { RepoSnapshot } from './types.js';

/**
 * A snapshot over files held in memory: `{ "package.json": "{...}" }`. Lets callers and tests run
 * detection without a disk; `ignoredFiles` are listed for secret checks but never readable.
 */
export function snapshotFromFiles(files: Record<string, string>, ignoredFiles: string[] = [], root = '/repo'): RepoSnapshot {
  const paths = Object.keys(files).sort();
  return {
    root,
    files: paths,
    ignoredFiles: [...ignoredFiles].sort(),
    notes: [],
    read(file: string, maxBytes?: number): string | null {
      const text = Object.prototype.hasOwnProperty.call(files, file) ? files[file] : null;
      if (text === null) return null;
      return maxBytes !== undefined && text.length > maxBytes ? text.slice(0, maxBytes) : text;
    },
  };
}
