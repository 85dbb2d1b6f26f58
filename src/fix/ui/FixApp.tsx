import { Box, Text, useApp, useInput } from 'ink';
import { useEffect, useReducer } from 'react';
import type { FixAction } from '../types.js';
import { initialSelect, SELECT_KEYS, selectReducer, type SelectState } from './state.js';

export interface FixAppProps {
  actions: readonly FixAction[];
  /** Called once with the chosen action ids (apply) or null (quit). */
  onDone(chosen: string[] | null): void;
  color: boolean;
}

function DiffView({ diff, color }: { diff: string; color: boolean }) {
  return (
    <Box flexDirection="column" marginLeft={4}>
      {diff.split('\n').filter((l) => l !== '').map((line, i) => (
        <Text key={i} color={color ? (line.startsWith('+') && !line.startsWith('+++') ? 'green' : line.startsWith('-') && !line.startsWith('---') ? 'red' : undefined) : undefined}>
          {line}
        </Text>
      ))}
    </Box>
  );
}

/** Lists the actions with the number of findings each removes; space toggles, enter applies. */
export function FixApp({ actions, onDone, color }: FixAppProps) {
  const [state, dispatch] = useReducer(selectReducer(actions), actions, initialSelect) as [SelectState, (e: Parameters<ReturnType<typeof selectReducer>>[1]) => void];
  const app = useApp();
  useInput((input, key) => {
    if (key.upArrow || input === 'k') dispatch({ type: 'up' });
    else if (key.downArrow || input === 'j') dispatch({ type: 'down' });
    else if (input === ' ') dispatch({ type: 'toggle' });
    else if (input === 'a') dispatch({ type: 'all' });
    else if (input === 'd') dispatch({ type: 'diff' });
    else if (key.return) dispatch({ type: 'apply' });
    else if (input === 'q' || key.escape) dispatch({ type: 'quit' });
  });
  useEffect(() => {
    if (state.done === null) return;
    onDone(state.done === 'apply' ? actions.filter((a) => state.chosen.has(a.id)).map((a) => a.id) : null);
    app.exit();
  }, [state.done]);
  const removes = new Set(actions.filter((a) => state.chosen.has(a.id)).flatMap((a) => a.removes)).size;
  return (
    <Box flexDirection="column">
      <Text bold>harden-init fix: {actions.length} action(s)</Text>
      {actions.map((action, i) => (
        <Box key={action.id} flexDirection="column">
          <Text inverse={color && i === state.cursor}>
            {i === state.cursor ? '>' : ' '} {state.chosen.has(action.id) ? '[x]' : '[ ]'} {action.title} ({action.removes.length} finding{action.removes.length === 1 ? '' : 's'}){action.safe ? '' : ' review'}
          </Text>
          {i === state.cursor ? <Text dimColor>      {action.effect}</Text> : null}
          {i === state.cursor && state.showDiff ? <DiffView diff={action.diff} color={color} /> : null}
        </Box>
      ))}
      <Text>
        {state.chosen.size} selected, expected to remove {removes} finding(s)
      </Text>
      <Text dimColor>{SELECT_KEYS.map((k) => `${k.keys}: ${k.does}`).join('  ')}</Text>
    </Box>
  );
}
