import type { LintFinding } from '../lint/types.js';
import type { ScanRecord } from '../scan/record.js';
import { lintKeys, scanKey, type FixAction } from './types.js';

/** How many findings left for a change by hand are listed before the rest are counted. */
const MANUAL_SHOWN = 10;

/**
 * The findings no action removes, a line each (the lint ones with their fix), so the user knows
 * what is left to change by hand. Empty when every finding has an action.
 */
export function renderManual(actions: readonly FixAction[], lint: readonly LintFinding[], records: readonly ScanRecord[]): string[] {
  const covered = new Set(actions.flatMap((a) => a.removes));
  const keys = lintKeys(lint);
  const lines = [
    ...lint.filter((_, i) => !covered.has(keys[i])).map((f) => `  ${f.file}:${f.line} ${f.code} ${f.message}; fix: ${f.fix}`),
    ...[...new Map(records.filter((r) => !covered.has(scanKey(r.finding))).map((r) => [`${scanKey(r.finding)}\u0000${r.finding.title}`, r])).values()].map(
      (r) => `  ${r.finding.package} ${r.finding.id} ${r.finding.title}${r.finding.fixedIn ? `; fixed in ${r.finding.fixedIn}` : ''}`,
    ),
  ];
  if (lines.length === 0) return [];
  const more = lines.length - MANUAL_SHOWN;
  return [`left for a change by hand (${lines.length}):`, ...lines.slice(0, MANUAL_SHOWN), ...(more > 0 ? [`  and ${more} more`] : [])];
}

/** The plan as text: one block per action with its effect, why, and (with `diffs`) the change. */
export function renderPlan(actions: readonly FixAction[], chosen: ReadonlySet<string>, diffs: boolean): string {
  if (actions.length === 0) return 'nothing to fix: no finding has a safe, known change\n';
  const lines: string[] = [];
  for (const action of actions) {
    lines.push(`${chosen.has(action.id) ? '[x]' : '[ ]'} ${action.title}${action.safe ? '' : '  (review)'}`);
    lines.push(`    why: ${action.why}`);
    lines.push(`    effect: ${action.effect}`);
    if (action.followUp) lines.push(`    then: ${action.followUp}`);
    if (diffs) lines.push(...action.diff.split('\n').filter((l) => l !== '').map((l) => `    ${l}`));
  }
  const removes = new Set(actions.filter((a) => chosen.has(a.id)).flatMap((a) => a.removes));
  lines.push('', `${chosen.size} of ${actions.length} action(s) selected, expected to remove ${removes.size} finding(s)`);
  return `${lines.join('\n')}\n`;
}

/** `lint: 7 -> 2` style lines for the before/after summary. */
export function beforeAfter(label: string, before: number, after: number): string {
  return `${label.padEnd(6)} ${before} -> ${after} finding(s)${after < before ? ` (${before - after} removed)` : ''}`;
}
