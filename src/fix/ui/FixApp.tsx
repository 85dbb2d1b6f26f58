import { Box, Text, render, useApp, useInput, useStdout } from 'ink';
import type { Readable, Writable } from 'node:stream';
import { useEffect, useReducer } from 'react';
import { DiffView } from '../../ui/components/DiffView.js';
import { ThemeContext, useTheme } from '../../ui/components/theme-context.js';
import { makeTheme } from '../../ui/theme.js';
import type { FixAction } from '../types.js';
import { chosenIds, expectedCounts, initialSelect, SELECT_KEYS, selectEventFor, selectReducer, visibleWindow, type FindingCounts } from './state.js';

export interface FixAppProps {
  actions: readonly FixAction[];
  /** Findings counted before any change; shown next to what the selection is expected to leave. */
  before: FindingCounts;
  /** What the image findings are called: `scan` (a scanner) or `audit` (the built-in audit). Default `scan`. */
  scanLabel?: string;
  /** Called once with the chosen action ids in plan order (apply) or null (quit). */
  onDone(chosen: string[] | null): void;
  color: boolean;
  /** Terminal height the screen fits in (default: the terminal's, else 40). */
  rows?: number;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function ActionRow({ action, index, cursor, chosen, showDiff, maxDiffLines }: { action: FixAction; index: number; cursor: number; chosen: boolean; showDiff: boolean; maxDiffLines: number }) {
  const theme = useTheme();
  const here = index === cursor;
  return (
    <Box flexDirection="column">
      <Text color={here ? theme.accent : undefined} wrap="truncate-end">
        {here ? '❯' : ' '} {chosen ? '[x]' : '[ ]'} <Text color={theme.muted}>-{String(action.removes.length).padEnd(4)}</Text>
        {action.safe ? '' : <Text color={theme.warning}>review </Text>}
        {action.title}
      </Text>
      {here ? (
        <Box flexDirection="column" marginLeft={6}>
          <Text color={theme.muted}>why: {action.why}</Text>
          <Text color={theme.muted}>effect: {action.effect}</Text>
          {action.followUp ? <Text color={theme.warning}>then: {action.followUp}</Text> : null}
        </Box>
      ) : null}
      {here && showDiff ? (
        <Box marginLeft={6}>
          <DiffView patch={action.diff} maxLines={maxDiffLines} />
        </Box>
      ) : null}
    </Box>
  );
}

function Legend() {
  const theme = useTheme();
  return <Text color={theme.muted}>{'      -N: findings the action removes'}</Text>;
}

// Lines around the list: title, legend, the cursor's why/effect/then, blank, totals, counts, keys.
const CHROME = 9;

function FixScreen({ actions, before, scanLabel = 'scan', onDone, rows }: Omit<FixAppProps, 'color'>) {
  const theme = useTheme();
  const { stdout } = useStdout();
  const height = rows ?? stdout.rows ?? 40;
  const [state, dispatch] = useReducer(selectReducer(actions), actions, initialSelect);
  const app = useApp();
  useInput((input, key) => {
    const event = selectEventFor(input, key);
    if (event) dispatch(event);
  });
  useEffect(() => {
    if (state.done === null) return;
    onDone(state.done === 'apply' ? chosenIds(actions, state) : null);
    app.exit();
  }, [state.done]);
  // Half the screen at most for the diff, the rest for the list (two lines kept for the "more" marks).
  const maxDiffLines = Math.max(4, Math.floor(height / 2));
  const diffRows = state.showDiff ? Math.min(maxDiffLines + 1, (actions[state.cursor]?.diff.split('\n').length ?? 0) + 1) : 0;
  const shown = visibleWindow(actions.length, state.cursor, height - CHROME - diffRows - 2);
  const removes = new Set(actions.filter((a) => state.chosen.has(a.id)).flatMap((a) => a.removes)).size;
  const counts = expectedCounts(actions, state.chosen, before);
  return (
    <Box flexDirection="column">
      <Text bold>harden-init fix: {plural(actions.length, 'action')}</Text>
      <Legend />
      {shown.start > 0 ? <Text color={theme.muted}>  ↑ {shown.start} more</Text> : null}
      {actions.slice(shown.start, shown.end).map((action, i) => (
        <ActionRow key={action.id} action={action} index={shown.start + i} cursor={state.cursor} chosen={state.chosen.has(action.id)} showDiff={state.showDiff} maxDiffLines={maxDiffLines} />
      ))}
      {shown.end < actions.length ? <Text color={theme.muted}>  ↓ {actions.length - shown.end} more</Text> : null}
      <Text> </Text>
      <Text>
        {state.chosen.size} of {actions.length} selected, expected to remove {plural(removes, 'finding')}
      </Text>
      {counts.length > 0 ? (
        <Text>
          {counts.map((c) => `${c.category === 'scan' ? scanLabel : c.category} ${c.before} -> ${c.after}`).join(', ')} <Text color={theme.muted}>{'(before -> expected after)'}</Text>
        </Text>
      ) : null}
      <Text color={theme.muted}>
        {SELECT_KEYS.filter((k) => k.keys !== '')
          .map((k) => `${k.keys}: ${k.does}`)
          .join('  ')}
      </Text>
    </Box>
  );
}

/** Lists the actions with the number of findings each removes; space toggles, d shows the diff, enter applies. */
export function FixApp({ color, ...props }: FixAppProps) {
  return (
    <ThemeContext.Provider value={makeTheme(color)}>
      <FixScreen {...props} />
    </ThemeContext.Provider>
  );
}

/** Runs the selection screen until the user applies (the chosen action ids, in plan order) or quits (null). */
export async function chooseFixes(props: Omit<FixAppProps, 'onDone'>, io: { stdin: Readable; stdout: Writable }): Promise<string[] | null> {
  let chosen: string[] | null = null;
  const instance = render(<FixApp {...props} onDone={(ids) => (chosen = ids)} />, {
    stdin: io.stdin as NodeJS.ReadStream,
    stdout: io.stdout as NodeJS.WriteStream,
    exitOnCtrlC: true,
  });
  await instance.waitUntilExit();
  return chosen;
}
