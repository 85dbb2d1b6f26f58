import { Box, Text } from 'ink';
import type { WriteStatus } from '../../write/apply.js';
import { statusLine } from '../../write/plan.js';
import { useTheme } from './theme-context.js';

/** One status line per file (create, write, backup, identical, skip), what was written in colour. */
export function StatusLines({ statuses }: { statuses: readonly WriteStatus[] }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      {statuses.map((status, index) => (
        <Text key={index} color={status.verb === 'create' || status.verb === 'write' ? theme.success : theme.muted}>
          {statusLine(status.verb, status.path, status.backup ? `-> ${status.backup}` : undefined)}
        </Text>
      ))}
    </Box>
  );
}
