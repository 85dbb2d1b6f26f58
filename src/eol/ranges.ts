import semver from 'semver';

/** How `~` reads: npm's `~1.2` stays in 1.2.x; Composer's `~1.2` (like RubyGems' `~>`) stays in 1.x. */
export type RangeDialect = 'npm' | 'composer';

const bump = (n: string) => String(Number(n) + 1);

/** `~>` / `~=` / Composer `~`: the last given number may grow, the ones before it may not. */
function pessimistic(version: string): string {
  const p = version.split('.');
  if (p.length === 1) return `>=${p[0]}.0.0`;
  const upper = p.length === 2 ? `${bump(p[0])}.0.0-0` : `${p[0]}.${bump(p[1])}.0-0`;
  return `>=${[...p, '0', '0'].slice(0, 3).join('.')} <${upper}`;
}

function token(raw: string, dialect: RangeDialect): string | null {
  const t = raw.replace(/^v(?=\d)/, '');
  let m = /^(~=|~>)\s*v?(\d+(?:\.\d+){0,2})$/.exec(t);
  if (m) return pessimistic(m[2]);
  m = /^~\s*v?(\d+(?:\.\d+){0,2})$/.exec(t);
  if (m && dialect === 'composer') return pessimistic(m[1]);
  m = /^={1,3}\s*v?(\d+(?:\.\d+){0,2})(?:\.\*)?$/.exec(t);
  if (m) return m[1];
  m = /^(\d+(?:\.\d+){0,2})\.\*$/.exec(t);
  if (m) return `${m[1]}.x`;
  if (/^!=/.test(t)) return '';
  return t;
}

/**
 * A version constraint as manifests write it (npm semver, PEP 440, RubyGems, Composer) as an npm
 * semver range, or null when it is not one. `||` and Composer's `|` separate alternatives; `,` and
 * blanks join constraints; `!=` exclusions are dropped (see `excludedBy`).
 */
export function toSemverRange(raw: string, dialect: RangeDialect = 'npm'): string | null {
  const text = raw.trim().replace(/^["']|["']$/g, '');
  if (text === '') return null;
  const alternatives = text.split(/\s*\|\|?\s*/).map((alt) => {
    if (/\s-\s/.test(alt)) return alt.trim();
    const joined = alt.replace(/([<>=~^!]+)\s+/g, '$1');
    return joined
      .split(/[,\s]+/)
      .filter(Boolean)
      .map((t) => token(t, dialect))
      .filter((t): t is string => t !== null && t !== '')
      .join(' ');
  });
  const range = alternatives.join(' || ');
  return semver.validRange(range, { loose: true }) === null ? null : range;
}

/** `!=3.12.*`, `!=3.12` exclusions in a constraint: the lines they rule out entirely. */
function excludedBy(raw: string): string[] {
  return [...raw.matchAll(/!=\s*(\d+(?:\.\d+)?)(?:\.\*)?(?=[\s,|]|$)/g)].map((m) => m[1]);
}

/** The versions of a release line ("22", "3.12") as a semver range. */
function cycleRange(cycle: string): string {
  const p = cycle.split('.');
  if (p.length === 1) return `>=${p[0]}.0.0 <${bump(p[0])}.0.0-0`;
  return `>=${p[0]}.${p[1]}.0 <${p[0]}.${bump(p[1])}.0-0`;
}

/** Whether some version of the release line `cycle` satisfies the constraint `raw`. */
export function rangeAllows(raw: string, cycle: string, dialect: RangeDialect = 'npm'): boolean {
  const range = toSemverRange(raw, dialect);
  if (range === null) return false;
  if (excludedBy(raw).includes(cycle)) return false;
  return semver.intersects(range, cycleRange(cycle), { loose: true });
}
