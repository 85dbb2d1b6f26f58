/** A pinned runtime version reduced to what an image tag needs, with a note for the evidence. */
export interface NormalisedVersion {
  /** "20", "3.12", "1.22.3"; null when the text pins nothing usable. */
  version: string | null;
  /** How the text became the version, e.g. ">=20 -> 20 (lowest version the range allows)". */
  note: string;
  /** `exact`: the text names one version; `range`: it allows several (`>=20`, `^8.2`, `20.x`, `16 || 18`). */
  kind: 'exact' | 'range';
}

const LOWER = new Set(['', '=', '==', '===', 'v', '^', '~', '~>', '~=', '>=', '>']);

/**
 * Normalises a version or range as manifests write them (npm semver, PEP 440, RubyGems, Composer):
 * an exact version stays as written; a range becomes its lowest allowed version, without trailing
 * ".0"s; `a || b` takes the highest alternative; wildcards (`20.x`, `3.11.*`) are cut off.
 */
export function normaliseVersion(raw: string): NormalisedVersion {
  const text = raw.trim().replace(/^["']|["']$/g, '');
  if (text === '' || text === '*' || /^(latest|stable|current|node|system)$/i.test(text)) {
    return { version: null, note: `${raw.trim() || '""'} pins no version`, kind: 'exact' };
  }
  if (text.includes('||') || /\s\|\s/.test(text)) {
    const options = text.split(/\|\|?/).map((part) => normaliseVersion(part).version).filter((v): v is string => v !== null);
    const best = options.sort(compareVersions).at(-1) ?? null;
    return best === null ? { version: null, note: `${text} pins no version`, kind: 'range' } : { version: best, note: `${text} -> ${best} (highest alternative)`, kind: 'range' };
  }
  const tokens = text
    .replace(/([<>=~^!]+)\s+/g, '$1')
    .split(/[,\s]+/)
    .filter(Boolean);
  const hyphen = tokens.indexOf('-');
  const candidates = hyphen > 0 ? [tokens[0]] : tokens;
  for (const token of candidates) {
    const match = /^([<>=~^!]*|v)?v?(\d+)(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?/.exec(token);
    if (!match) continue;
    const op = match[1] ?? '';
    if (!LOWER.has(op)) continue;
    const parts = [match[2], match[3], match[4]].filter((part): part is string => part !== undefined);
    const wildcard = parts.findIndex((part) => !/^\d+$/.test(part));
    const numeric = wildcard === -1 ? parts : parts.slice(0, wildcard);
    const isRange = op !== '' && op !== '=' && op !== '==' && op !== '===' && op !== 'v';
    if (isRange) while (numeric.length > 1 && numeric[numeric.length - 1] === '0') numeric.pop();
    const version = numeric.map((part) => String(Number(part))).join('.');
    const kind = isRange || tokens.length > 1 || wildcard !== -1 ? 'range' : 'exact';
    if (version === text) return { version, note: version, kind };
    const why = isRange || tokens.length > 1 ? 'lowest version the range allows' : wildcard !== -1 ? 'wildcard dropped' : 'as pinned';
    return { version, note: `${text} -> ${version} (${why})`, kind };
  }
  return { version: null, note: `${text} is not a version this tool understands`, kind: 'exact' };
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The major.minor of a version ("3.11.4" -> "3.11"); unchanged when shorter. */
export function majorMinor(version: string): string {
  return version.split('.').slice(0, 2).join('.');
}

/** One tool's version from `.tool-versions` (asdf) text, e.g. `nodejs 20.11.0` -> "20.11.0". */
export function toolVersionsEntry(text: string, names: string[]): string | null {
  for (const line of text.split('\n')) {
    const [name, version] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (name && version && names.includes(name)) return version;
  }
  return null;
}

/** One tool's version from a parsed mise.toml / .mise.toml `[tools]` table. */
export function miseEntry(parsed: Record<string, unknown> | undefined, names: string[]): string | null {
  const tools = parsed?.tools;
  if (!tools || typeof tools !== 'object') return null;
  for (const name of names) {
    const value = (tools as Record<string, unknown>)[name];
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
    if (value && typeof value === 'object' && typeof (value as { version?: unknown }).version === 'string') return (value as { version: string }).version;
  }
  return null;
}
