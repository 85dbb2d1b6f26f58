import { Text } from 'ink';
import { useSpinner } from '../hooks/use-spinner.js';
import { useTheme } from './theme-context.js';

/**
 * The wizard's first screen while detection runs: a spinner and what it is doing. Two lines and no
 * box of their own: the first frame lays out as little as it can.
 */
export function Looking({ dirLabel }: { dirLabel: string }) {
  const theme = useTheme();
  const frame = useSpinner();
  return (
    <>
      <Text>
        <Text color={theme.accent}>{frame}</Text> Looking at {dirLabel}…
      </Text>
      <Text color={theme.muted}>Reading manifests and lock files to suggest answers.</Text>
    </>
  );
}
