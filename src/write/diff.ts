import { createTwoFilesPatch } from 'diff';

export type DiffLineKind = 'header' | 'hunk' | 'add' | 'remove' | 'context';

export interface DiffLine {
  kind: DiffLineKind;
  text: string;
}

/** A unified diff of one file (3 lines of context), `a/<path>` against `b/<path>`. */
export function fileDiff(path: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 });
  // The first line is a row of '=' that adds nothing for a single file.
  return patch
    .split('\n')
    .filter((line) => !/^={10,}$/.test(line) && !line.startsWith('Index: '))
    .join('\n');
}

/** Classifies each diff line so a view can colour it by meaning (added, removed, ...). */
export function diffLines(patch: string): DiffLine[] {
  return patch
    .replace(/\n$/, '')
    .split('\n')
    .map((text) => {
      if (text.startsWith('+++') || text.startsWith('---')) return { kind: 'header', text };
      if (text.startsWith('@@')) return { kind: 'hunk', text };
      if (text.startsWith('+')) return { kind: 'add', text };
      if (text.startsWith('-')) return { kind: 'remove', text };
      return { kind: 'context', text };
    });
}

/** Lines added and removed, for a one-line summary such as `+12 -3`. */
export function diffStat(patch: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of diffLines(patch)) {
    if (line.kind === 'add') added++;
    if (line.kind === 'remove') removed++;
  }
  return { added, removed };
}
