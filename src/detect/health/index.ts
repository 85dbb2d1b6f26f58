// Which HTTP path of the app answers health checks, when its code defines one.
import type { AppFacts, Evidence } from '../types.js';
import type { AppView } from '../view.js';
import { goHealth } from './go.js';
import { jsHealth } from './js.js';
import { jvmHealth } from './jvm.js';
import { pythonHealth } from './python.js';
import { HEALTH_FACT, fixedPath, type HealthScanner, type RouteCandidate } from './route.js';

export type { HealthScan, HealthScanner, RouteCandidate } from './route.js';
export { HEALTH_FACT, fixedPath, healthEvidence, joinPath } from './route.js';

/** Last path segments that name a health route, most preferred first. */
export const HEALTH_NAMES: readonly string[] = ['healthz', 'health', 'livez', 'ready', 'readyz', 'ping'];

/** One scanner per language family; adding one is a file and a line. */
export const healthScanners: readonly HealthScanner[] = [jsHealth, pythonHealth, goHealth, jvmHealth];

export interface HealthFinding {
  /** null when only notes were found (e.g. an actuator that serves another port). */
  path: string | null;
  evidence: Evidence[];
}

function rank(route: RouteCandidate): number {
  const last = route.path.split('/').filter(Boolean).pop() ?? '';
  const named = HEALTH_NAMES.indexOf(last.toLowerCase());
  if (named !== -1) return named;
  return route.declared ? HEALTH_NAMES.indexOf('health') : -1;
}

/** The health route to probe among the candidates: by HEALTH_NAMES order, then the shorter path, then the first found. */
export function pickHealthRoute(routes: readonly RouteCandidate[]): { chosen: RouteCandidate; others: RouteCandidate[] } | null {
  const health = routes.filter((route) => fixedPath(route.path) && rank(route) !== -1);
  if (health.length === 0) return null;
  const sorted = health
    .map((route, index) => ({ route, index }))
    .sort((a, b) => rank(a.route) - rank(b.route) || a.route.path.length - b.route.path.length || a.index - b.index)
    .map(({ route }) => route);
  const chosen = sorted[0];
  const seen = new Set([chosen.path]);
  const others = sorted.slice(1).filter((route) => !seen.has(route.path) && seen.add(route.path));
  return { chosen, others };
}

/** The app's health route and the evidence for it, or null when the code defines none. */
export function findHealthRoute(view: AppView, facts: AppFacts): HealthFinding | null {
  const scanner = healthScanners.find((candidate) => candidate.languages.includes(facts.language));
  if (!scanner) return null;
  const { routes, notes } = scanner.scan(view, facts);
  const picked = pickHealthRoute(routes);
  if (!picked) return notes.length > 0 ? { path: null, evidence: notes } : null;
  const { chosen, others } = picked;
  const also = others.map((route) => `${route.path} (${route.file}:${route.line})`);
  const fact = [`${HEALTH_FACT} ${chosen.code}`, chosen.via ? ` (${chosen.via})` : '', also.length ? `, chosen over ${also.join(', ')}` : ''].join('');
  return { path: chosen.path, evidence: [...notes, { file: chosen.file, line: chosen.line, fact }] };
}
