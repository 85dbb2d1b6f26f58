import { denoDetector } from './deno.js';
import { dotnetDetector } from './dotnet.js';
import { elixirDetector } from './elixir.js';
import { goDetector } from './go.js';
import { javaDetector } from './java.js';
import { kotlinDetector } from './kotlin.js';
import { nodeDetector } from './node.js';
import { phpDetector } from './php.js';
import { pythonDetector } from './python.js';
import { rubyDetector } from './ruby.js';
import { rustDetector } from './rust.js';
import { findHealthRoute } from './health/index.js';
import type { Detector, StackMatch } from './stack.js';
import { staticDetector } from './static.js';
import type { AppFacts, Evidence } from './types.js';
import { unsupportedDetector } from './unsupported.js';
import type { AppView } from './view.js';

/** Every detector, in the order that breaks ties of confidence. Adding a stack: one file, one line. */
export const detectors: readonly Detector[] = [
  denoDetector,
  nodeDetector,
  pythonDetector,
  goDetector,
  kotlinDetector,
  javaDetector,
  rustDetector,
  rubyDetector,
  phpDetector,
  dotnetDetector,
  elixirDetector,
  unsupportedDetector,
  staticDetector,
];

/** Below this, a match is a hint, not a detection. */
const MIN_CONFIDENCE = 0.3;
/** Runners-up this close to the winner make the result ambiguous. */
const AMBIGUOUS_GAP = 0.2;

export const UNKNOWN_FACTS: AppFacts = { language: 'unknown', packageManager: 'none', version: null, framework: null, build: null, start: null, install: null, port: null, healthcheck: null };

export interface AppDetection {
  facts: AppFacts;
  evidence: Evidence[];
  warnings: string[];
  /** The winning match (null: nothing recognised). */
  match: StackMatch | null;
}

/** Runs every detector on one directory and keeps the most confident match. */
export function detectApp(view: AppView, list: readonly Detector[] = detectors): AppDetection {
  const matches: StackMatch[] = [];
  for (const detector of list) {
    const match = detector.detect(view);
    if (match && match.confidence >= MIN_CONFIDENCE) matches.push(match);
  }
  // Stable sort: equal confidence keeps registry order.
  matches.sort((a, b) => b.confidence - a.confidence);
  const best = matches[0];
  const where = view.dir ? `${view.dir}: ` : '';
  if (!best) {
    return {
      facts: { ...UNKNOWN_FACTS },
      evidence: [],
      warnings: [`${where}no known stack found: pass --language to say which one it is`],
      match: null,
    };
  }
  const warnings: string[] = [];
  const label = (m: StackMatch) => (m.language === 'unknown' ? m.name ?? 'unknown' : m.language);
  const seen = new Set([label(best)]);
  for (const other of matches.slice(1)) {
    if (seen.has(label(other)) || other.confidence < 0.5 || best.confidence - other.confidence > AMBIGUOUS_GAP) continue;
    seen.add(label(other));
    warnings.push(`${where}also looks like ${label(other)} (${other.evidence[0]?.file ?? 'files'}); chose ${label(best)} (${best.evidence[0]?.file ?? 'files'}): pass --language to override`);
  }
  if (best.language === 'unknown') {
    warnings.push(`${where}${best.name} is not a stack harden-init builds: pass --language to pick one it does`);
  }
  const facts: AppFacts = {
    ...UNKNOWN_FACTS,
    ...Object.fromEntries(Object.entries(best.facts).filter(([, value]) => value !== undefined)),
    language: best.language,
  };
  const health = findHealthRoute(view, facts);
  if (health) facts.healthcheck = health.path;
  return { facts, evidence: health ? [...best.evidence, ...health.evidence] : best.evidence, warnings, match: best };
}
