import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { chosenIds, expectedCounts, initialSelect, selectEventFor, selectReducer, visibleWindow } from '../../../src/fix/ui/state.js';
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

describe('visibleWindow', () => {
  it('shows everything that fits', () => {
    expect(visibleWindow(5, 4, 10)).toEqual({ start: 0, end: 5 });
  });
  it('keeps the cursor in view, centred where it can be, clamped at both ends', () => {
    expect(visibleWindow(20, 0, 5)).toEqual({ start: 0, end: 5 });
    expect(visibleWindow(20, 10, 5)).toEqual({ start: 8, end: 13 });
    expect(visibleWindow(20, 19, 5)).toEqual({ start: 15, end: 20 });
    for (let cursor = 0; cursor < 20; cursor++) {
      const { start, end } = visibleWindow(20, cursor, 4);
      expect(end - start).toBe(4);
      expect(cursor >= start && cursor < end).toBe(true);
    }
  });
  it('shows at least one row however small the screen', () => {
    expect(visibleWindow(3, 2, 0)).toEqual({ start: 2, end: 3 });
    expect(visibleWindow(0, 0, 5)).toEqual({ start: 0, end: 0 });
  });
});
