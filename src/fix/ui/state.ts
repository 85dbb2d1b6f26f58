import type { Key } from 'ink';
import { findingCategory, type FixAction } from '../types.js';

/** The selection screen's state: which action has the cursor, which are chosen, and the outcome. */
export interface SelectState {
  cursor: number;
  chosen: ReadonlySet<string>;
  showDiff: boolean;
  done: 'apply' | 'quit' | null;
}

export type SelectEvent = { type: 'up' } | { type: 'down' } | { type: 'toggle' } | { type: 'all' } | { type: 'diff' } | { type: 'apply' } | { type: 'quit' };

/** Safe actions start selected (what `--yes` would apply); the rest wait for a choice. */
export function initialSelect(actions: readonly FixAction[]): SelectState {
  return { cursor: 0, chosen: new Set(actions.filter((a) => a.safe).map((a) => a.id)), showDiff: false, done: null };
}

export function selectReducer(actions: readonly FixAction[]) {
  return (state: SelectState, event: SelectEvent): SelectState => {
    if (state.done !== null) return state;
    const count = actions.length;
    switch (event.type) {
      case 'up':
        return { ...state, cursor: count === 0 ? 0 : (state.cursor - 1 + count) % count };
      case 'down':
        return { ...state, cursor: count === 0 ? 0 : (state.cursor + 1) % count };
      case 'toggle': {
        const id = actions[state.cursor]?.id;
        if (!id) return state;
        const chosen = new Set(state.chosen);
        if (chosen.has(id)) chosen.delete(id);
        else chosen.add(id);
        return { ...state, chosen };
      }
      case 'all':
        return { ...state, chosen: state.chosen.size === count ? new Set() : new Set(actions.map((a) => a.id)) };
      case 'diff':
        return { ...state, showDiff: !state.showDiff };
      case 'apply':
        return { ...state, done: 'apply' };
      case 'quit':
        return { ...state, done: 'quit' };
    }
  };
}

/** The chosen ids in plan order (the order `applyActions` composes them in). */
export function chosenIds(actions: readonly FixAction[], state: SelectState): string[] {
  return actions.filter((a) => state.chosen.has(a.id)).map((a) => a.id);
}

/** Key table: one place that says which key does what; input handling and the footer both read it. */
export const SELECT_KEYS: { keys: string; does: string; event: SelectEvent['type']; matches(input: string, key: Key): boolean }[] = [
  { keys: 'up/down', does: 'move', event: 'up', matches: (input, key) => key.upArrow || input === 'k' },
  { keys: '', does: '', event: 'down', matches: (input, key) => key.downArrow || input === 'j' },
  { keys: 'space', does: 'toggle', event: 'toggle', matches: (input) => input === ' ' },
  { keys: 'a', does: 'all/none', event: 'all', matches: (input) => input === 'a' },
  { keys: 'd', does: 'show diff', event: 'diff', matches: (input) => input === 'd' },
  { keys: 'enter', does: 'apply', event: 'apply', matches: (_input, key) => key.return },
  { keys: 'q', does: 'quit', event: 'quit', matches: (input, key) => input === 'q' || key.escape },
];

export function selectEventFor(input: string, key: Key): SelectEvent | null {
  const binding = SELECT_KEYS.find((b) => b.matches(input, key));
  return binding ? ({ type: binding.event } as SelectEvent) : null;
}

/** Findings counted before the change, per category; a category that was not checked is absent. */
export interface FindingCounts {
  lint?: number;
  scan?: number;
}

export interface ExpectedCount {
  category: 'lint' | 'scan';
  before: number;
  after: number;
}

/** Before and expected-after counts for the current selection. */
export function expectedCounts(actions: readonly FixAction[], chosen: ReadonlySet<string>, before: FindingCounts): ExpectedCount[] {
  const removed = new Set(actions.filter((a) => chosen.has(a.id)).flatMap((a) => a.removes));
  const out: ExpectedCount[] = [];
  for (const category of ['lint', 'scan'] as const) {
    const count = before[category];
    if (count === undefined) continue;
    const gone = [...removed].filter((k) => findingCategory(k) === category).length;
    out.push({ category, before: count, after: Math.max(0, count - gone) });
  }
  return out;
}

/** The slice of a list of `count` rows that keeps `cursor` in view when only `size` rows fit. */
export function visibleWindow(count: number, cursor: number, size: number): { start: number; end: number } {
  if (count === 0) return { start: 0, end: 0 };
  const fit = Math.max(1, Math.min(count, size));
  const start = Math.max(0, Math.min(cursor - Math.floor(fit / 2), count - fit));
  return { start, end: start + fit };
}
