import type { FixAction } from '../types.js';

/** The selection screen's state: which action has the cursor, which are chosen, and the outcome. */
export interface SelectState {
  cursor: number;
  chosen: ReadonlySet<string>;
  showDiff: boolean;
  done: 'apply' | 'quit' | null;
}

export type SelectEvent = { type: 'up' } | { type: 'down' } | { type: 'toggle' } | { type: 'all' } | { type: 'diff' } | { type: 'apply' } | { type: 'quit' };

export function initialSelect(actions: readonly FixAction[]): SelectState {
  return { cursor: 0, chosen: new Set(actions.filter((a) => a.safe).map((a) => a.id)), showDiff: false, done: null };
}

export function selectReducer(actions: readonly FixAction[]) {
  return (state: SelectState, event: SelectEvent): SelectState => {
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

/** Key table: one place that says which key does what. */
export const SELECT_KEYS: { keys: string; does: string }[] = [
  { keys: 'up/down', does: 'move' },
  { keys: 'space', does: 'toggle' },
  { keys: 'a', does: 'all/none' },
  { keys: 'd', does: 'show diff' },
  { keys: 'enter', does: 'apply' },
  { keys: 'q', does: 'quit' },
];
