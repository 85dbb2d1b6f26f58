import { useSpinner } from '@inkjs/ui';
import { Box, Text } from 'ink';
import { useTheme } from './theme-context.js';

/** The wizard's first screen while detection runs: a spinner and what it is doing. */
export function Looking({ dirLabel }: { dirLabel: string }) {
  const theme = useTheme();
  const { frame } = useSpinner({ type: 'dots' });
  return (
    <Box flexDirection="column">
      <Text>
        <Text color={theme.accent}>{frame}</Text> Looking at {dirLabel}…
      </Text>
      <Text color={theme.muted}>Reading manifests and lock files to suggest answers.</Text>
    </Box>
  );
}
