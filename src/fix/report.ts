import type { FixAction } from './types.js';

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
