import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { chosenIds, expectedCounts, initialSelect, selectEventFor, selectReducer } from '../../../src/fix/ui/state.js';
import { plannedActions } from './fixture.js';

const { actions, lintBefore } = plannedActions();
const reduce = selectReducer(actions);
const noKey = {} as Key;

describe('fix selection state', () => {
  it('starts on the first action with the safe ones chosen', () => {
    const state = initialSelect(actions);
    expect(state.cursor).toBe(0);
    expect([...state.chosen].sort()).toEqual(actions.filter((a) => a.safe).map((a) => a.id).sort());
    expect(state.chosen.has('deps:package.json')).toBe(false);
  });

  it('moves the cursor with wrap-around and toggles the action under it', () => {
    let state = reduce(initialSelect(actions), { type: 'up' });
    expect(state.cursor).toBe(actions.length - 1);
    state = reduce(state, { type: 'toggle' });
    expect(state.chosen.has('deps:package.json')).toBe(true);
    state = reduce(state, { type: 'down' });
    expect(state.cursor).toBe(0);
    state = reduce(state, { type: 'toggle' });
    expect(state.chosen.has(actions[0].id)).toBe(false);
    expect(chosenIds(actions, state)).toEqual(actions.slice(1).map((a) => a.id));
  });

  it('selects all, then none', () => {
    let state = reduce(initialSelect(actions), { type: 'all' });
    expect(state.chosen.size).toBe(actions.length);
    state = reduce(state, { type: 'all' });
    expect(state.chosen.size).toBe(0);
  });

  it('ignores events once applied or quit', () => {
    const applied = reduce(initialSelect(actions), { type: 'apply' });
    expect(applied.done).toBe('apply');
    expect(reduce(applied, { type: 'toggle' })).toBe(applied);
    expect(reduce(initialSelect(actions), { type: 'quit' }).done).toBe('quit');
  });

  it('maps keys through one table', () => {
    expect(selectEventFor(' ', noKey)).toEqual({ type: 'toggle' });
    expect(selectEventFor('', { ...noKey, downArrow: true })).toEqual({ type: 'down' });
    expect(selectEventFor('', { ...noKey, return: true })).toEqual({ type: 'apply' });
    expect(selectEventFor('d', noKey)).toEqual({ type: 'diff' });
    expect(selectEventFor('x', noKey)).toBeNull();
  });

  it('counts before and expected after for the selection, per category', () => {
    const safeLint = actions.filter((a) => a.safe).flatMap((a) => a.removes).length;
    const counts = expectedCounts(actions, initialSelect(actions).chosen, { lint: lintBefore, scan: 5 });
    expect(counts).toEqual([
      { category: 'lint', before: lintBefore, after: lintBefore - safeLint },
      { category: 'scan', before: 5, after: 5 },
    ]);
    const all = expectedCounts(actions, new Set(actions.map((a) => a.id)), { lint: lintBefore, scan: 5 });
    expect(all[1]).toEqual({ category: 'scan', before: 5, after: 3 });
    expect(expectedCounts(actions, new Set(), { lint: lintBefore })).toEqual([{ category: 'lint', before: lintBefore, after: lintBefore }]);
  });
});
