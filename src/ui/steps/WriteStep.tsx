import { Box, Text } from 'ink';
import { StatusLines } from '../components/StatusLines.js';
import { useTheme } from '../components/theme-context.js';
import { useStepKeys } from '../hooks/use-step-keys.js';
import { useTask } from '../hooks/use-task.js';
import type { StepProps } from './types.js';

/** Writes the reviewed plan, one status line per file as it happens; the next steps follow at once. */
export function WriteStep({ state, dispatch, actions, active }: StepProps) {
  const theme = useTheme();
  useStepKeys(dispatch, { screen: 'write', typing: false }, active);
  useTask(
    () => {
      if (state.prepared.status !== 'done') return Promise.reject(new Error('nothing to write'));
      return actions.write(state.prepared.value.plan, { skip: state.keep, onStatus: (status) => dispatch({ type: 'status', status }) });
    },
    (outcome) => dispatch(outcome.ok ? { type: 'written', statuses: outcome.value } : { type: 'writeFailed', message: outcome.message }),
  );
  const { written } = state;
  return (
    <Box flexDirection="column">
      <StatusLines statuses={state.progress} />
      {written.status === 'running' ? <Text>Writing …</Text> : null}
      {written.status === 'failed' ? (
        <Text color={theme.error}>Writing failed: {written.message}. Files already written are complete; backups are kept. Press Enter to exit.</Text>
      ) : null}
    </Box>
  );
}
