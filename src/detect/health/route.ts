// What every language family's health scanner shares: the route it reports and path arithmetic.
// Types and small functions only, so the question model can read the evidence without loading the scanners.
import type { AppFacts, Evidence, Language } from '../types.js';
import type { AppView } from '../view.js';

/** The fact of the chosen route's evidence line starts with this. */
export const HEALTH_FACT = 'health route';

/** The evidence line of the health route among an app's evidence, if detection chose one. */
export function healthEvidence(evidence: readonly Evidence[] | undefined): Evidence | null {
  return evidence?.find((item) => item.line !== undefined && item.fact.startsWith(`${HEALTH_FACT} `)) ?? null;
}

/** A GET route the code defines at a fixed path. */
export interface RouteCandidate {
  /** The full path the app serves it at, prefixes included. */
  path: string;
  /** Repo-relative file and 1-based line of the definition. */
  file: string;
  line: number;
  /** The definition, shortened: `app.get('/healthz')`. */
  code: string;
  /** The code marks it as a health check whatever its path (Nest's @HealthCheck, django-health-check). */
  declared?: boolean;
  /** Where its prefix comes from, e.g. `mounted at /api in src/app.js:7`. */
  via?: string;
}

/** Where a router's routes are served: its prefix, how it got it, and whether that is certain. */
export interface RoutePrefix {
  prefix: string;
  via?: string;
  /** False when a mount this scan cannot follow may put another prefix in front. */
  certain: boolean;
}

export interface HealthScan {
  routes: RouteCandidate[];
  /** Facts worth showing even when they rule a route out (the actuator on its own port). */
  notes: Evidence[];
}

/** Reads one language family's routes. Pure: everything comes through the view. */
export interface HealthScanner {
  id: string;
  languages: readonly Language[];
  scan(view: AppView, facts: AppFacts): HealthScan;
}

/** A fixed path: no parameters, wildcards or patterns, nothing a probe could not request as is. */
export function fixedPath(path: string): boolean {
  return /^\/[\w\-./~]*$/.test(path) && !path.includes('//');
}

/** Joins route prefixes and paths: `/api` + `health` -> `/api/health`; `/health` + `/` -> `/health`. */
export function joinPath(...parts: string[]): string {
  const joined = parts
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
  const last = parts.filter((part) => part.replace(/\/+/g, '') !== '').pop() ?? '';
  return `/${joined}${joined && last.endsWith('/') ? '/' : ''}`;
}

/** The text between the bracket at `open` and its match (masked code: strings may still hold brackets, rarely). */
export function bracketEnd(code: string, open: number): number {
  const opener = code[open];
  const closer = opener === '(' ? ')' : opener === '[' ? ']' : '}';
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === opener) depth++;
    else if (code[i] === closer && --depth === 0) return i;
  }
  return code.length;
}

/** Top-level, trimmed arguments of a call's argument text: `'/api', auth({ a, b }), router` -> three. */
export function splitArgs(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if ((ch === ',' && depth === 0) || i === text.length) {
      const arg = text.slice(start, i).trim();
      if (arg) args.push(arg);
      start = i + 1;
    }
  }
  return args;
}
