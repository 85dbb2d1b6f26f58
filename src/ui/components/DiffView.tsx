import { Box, Text } from 'ink';
import { diffLines, type DiffLineKind } from '../../write/diff.js';
import type { Token } from '../theme.js';
import { useTheme } from './theme-context.js';

const COLOURS: Record<DiffLineKind, Token | null> = { header: 'muted', hunk: 'hunk', add: 'added', remove: 'removed', context: null };

/** A coloured unified diff, at most `maxLines` lines (the rest is counted, never silently cut). */
export function DiffView({ patch, maxLines }: { patch: string; maxLines: number }) {
  const theme = useTheme();
  const lines = diffLines(patch);
  const shown = lines.slice(0, Math.max(1, maxLines));
  return (
    <Box flexDirection="column">
      {shown.map((line, index) => {
        const token = COLOURS[line.kind];
        return (
          <Text key={index} color={token ? theme[token] : undefined}>
            {line.text === '' ? ' ' : line.text}
          </Text>
        );
      })}
      {lines.length > shown.length ? <Text color={theme.muted}>… {lines.length - shown.length} more diff lines (see --dry-run for all)</Text> : null}
    </Box>
  );
}
