// The patch series as data: applying accepted hunks and reading the build secrets a file needs.
// No dependencies, so the wizard and the plain prompts can apply a selection without the planner.

/** A hunk of the series: replaces original lines [start, end) (1-based; start === end inserts). */
export interface Hunk {
  start: number;
  end: number;
  lines: string[];
}

export interface SplitText {
  lines: string[];
  trailingNewline: boolean;
}

export function splitLines(text: string): SplitText {
  const trailingNewline = text.endsWith('\n');
  const lines = (trailingNewline ? text.slice(0, -1) : text).split('\n');
  return { lines: text === '' ? [] : lines, trailingNewline };
}

/** Applies hunks planned against `original`; they touch disjoint lines, so any subset applies. */
export function applyHunks(original: SplitText | string, hunks: readonly Hunk[]): string {
  const split = typeof original === 'string' ? splitLines(original) : original;
  const lines = [...split.lines];
  for (const hunk of [...hunks].sort((a, b) => b.start - a.start)) lines.splice(hunk.start - 1, hunk.end - hunk.start, ...hunk.lines);
  if (lines.length === 0) return '';
  return lines.join('\n') + (split.trailingNewline || split.lines.length === 0 ? '\n' : '');
}

/** Applies the hunks whose id is accepted. */
export function applyAccepted(text: string, patches: ReadonlyArray<Hunk & { id: string }>, accepted: Iterable<string>): string {
  const ids = new Set(accepted);
  return applyHunks(text, patches.filter((p) => ids.has(p.id)));
}

/** The build secret ids a Dockerfile mounts (`RUN --mount=type=secret,id=<id>`), in order of first use. */
export function buildSecretIds(dockerfile: string): string[] {
  const ids: string[] = [];
  for (const match of dockerfile.matchAll(/--mount=(\S+)/g)) {
    const options = new Map(match[1].split(',').map((part) => {
      const at = part.indexOf('=');
      return at < 0 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)];
    }));
    if (options.get('type') !== 'secret') continue;
    // Without id=, BuildKit names the secret after the target's file name.
    const id = options.get('id') || (options.get('target') ?? options.get('dst') ?? '').replace(/^.*\//, '');
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The `docker build` flag a build secret needs. */
export function secretFlag(id: string): string {
  return `--secret id=${id},src=<file>`;
}
