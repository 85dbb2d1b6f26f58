import semver from 'semver';

/** A tag split into a dotted version and the flavour around it: `22.21.1-bookworm-slim` -> [22,21,1] + `-bookworm-slim`. */
export interface TagParts {
  prefix: string;
  numbers: number[];
  suffix: string;
}

export function tagParts(tag: string): TagParts | null {
  const m = /^([a-zA-Z]*)(\d+(?:\.\d+)*)(.*)$/.exec(tag);
  if (!m) return null;
  return { prefix: m[1], numbers: m[2].split('.').map(Number), suffix: m[3] };
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface TagChoice {
  tag: string;
  /** patch: only the last number moved; minor: the second-to-last too; flavor: same version, smaller variant. */
  step: 'patch' | 'minor' | 'flavor';
}

/**
 * The newer tag of the same line: the highest patch of the same major.minor, else the highest minor
 * of the same major, keeping the flavour (suffix) and the precision of the tag as written.
 */
export function nextTagInLine(current: string, tags: readonly string[]): TagChoice | null {
  const now = tagParts(current);
  if (!now || now.numbers.length < 2) return null;
  const same = tags
    .map((tag) => ({ tag, parts: tagParts(tag) }))
    .filter((c): c is { tag: string; parts: TagParts } => c.parts !== null && c.parts.prefix === now.prefix && c.parts.suffix === now.suffix && c.parts.numbers.length === now.numbers.length)
    .filter((c) => c.parts.numbers[0] === now.numbers[0] && compare(c.parts.numbers, now.numbers) > 0)
    .sort((a, b) => compare(b.parts.numbers, a.parts.numbers));
  const lineOf = (n: number[]) => n.slice(0, -1).join('.');
  const patch = same.find((c) => lineOf(c.parts.numbers) === lineOf(now.numbers));
  if (patch) return { tag: patch.tag, step: 'patch' };
  const minor = same[0];
  return minor ? { tag: minor.tag, step: 'minor' } : null;
}

const SMALLER: [RegExp, string][] = [
  [/^-(bookworm|bullseye|trixie|buster)$/, '-$1-slim'],
  [/^$/, '-slim'],
  [/^-slim$/, '-alpine'],
];

/** The same version in a smaller flavour (`-bookworm` -> `-bookworm-slim`, `` -> `-slim`), when the registry has it. */
export function smallerFlavor(current: string, tags: readonly string[]): TagChoice | null {
  const now = tagParts(current);
  if (!now) return null;
  for (const [pattern, replacement] of SMALLER) {
    if (!pattern.test(now.suffix)) continue;
    const tag = `${now.prefix}${now.numbers.join('.')}${now.suffix.replace(pattern, replacement)}`;
    if (tags.includes(tag)) return { tag, step: 'flavor' };
  }
  return null;
}

/** The version a fixed-in text names: `1.2.3`, `>= 2.1.0`, `1.2.1, 2.1.3` -> its first version. */
export function fixedVersion(text: string): string | null {
  const m = /\d+(?:\.\d+)*(?:[-+~][0-9A-Za-z.+~:-]*)?/.exec(text);
  return m ? m[0].replace(/[,;]$/, '') : null;
}

/** The highest of several version strings, by semver where they coerce, else the last given. */
export function highestVersion(versions: readonly string[]): string {
  return [...versions].sort((a, b) => {
    const ca = semver.coerce(a);
    const cb = semver.coerce(b);
    if (ca && cb) return semver.compare(ca, cb) || a.localeCompare(b);
    return a.localeCompare(b);
  })[versions.length - 1];
}
