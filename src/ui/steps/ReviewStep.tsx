import { Box, Text, useStdout } from 'ink';
import { statusLine } from '../../write/plan.js';
import { diffStat, fileDiff } from '../../write/diff.js';
import { DiffView } from '../components/DiffView.js';
import { useTheme } from '../components/theme-context.js';
import { useStepKeys } from '../hooks/use-step-keys.js';
import { useTask } from '../hooks/use-task.js';
import type { StepProps } from './types.js';

/** The files to be written, what happens to each, and a coloured diff for each file that exists. */
export function ReviewStep({ state, dispatch, actions, active }: StepProps) {
  const theme = useTheme();
  const { stdout } = useStdout();
  useStepKeys(dispatch, { screen: 'review', typing: false }, active);
  useTask(
    () => actions.prepare(state.answers!),
    (outcome) => dispatch(outcome.ok ? { type: 'prepared', prepared: outcome.value } : { type: 'prepareFailed', message: outcome.message }),
  );
  const { prepared } = state;
  if (prepared.status === 'failed') {
    return (
      <Box flexDirection="column">
        <Text color={theme.error}>Could not generate the files: {prepared.message}</Text>
        <Text>Press Esc to change your answers, or Ctrl+C to quit.</Text>
      </Box>
    );
  }
  if (prepared.status !== 'done') return <Text>Generating the files …</Text>;
  const { plan, notes, baseImages } = prepared.value;
  const selected = plan[state.reviewIndex];
  const rows = stdout?.rows ?? 24;
  const diffRoom = Math.max(6, rows - 16 - plan.length - notes.length - baseImages.length);
  const conflicts = plan.filter((entry) => entry.action === 'conflict').length;
  return (
    <Box flexDirection="column">
      <Text bold>These files will be written:</Text>
      <Box flexDirection="column" marginLeft={1}>
        {plan.map((entry, index) => {
          const kept = state.keep.has(entry.path);
          const verb = kept ? 'skip' : entry.action;
          const stat = entry.action === 'conflict' ? diffStat(fileDiff(entry.path, entry.existing ?? '', entry.content)) : null;
          const colour = verb === 'create' ? theme.success : verb === 'conflict' ? theme.warning : theme.muted;
          return (
            <Text key={entry.path} bold={index === state.reviewIndex}>
              {index === state.reviewIndex ? '❯ ' : '  '}
              <Text color={colour}>{statusLine(verb, entry.path)}</Text>
              {stat ? (
                <Text color={theme.muted}>
                  {' '}
                  (+{stat.added} -{stat.removed}; {kept ? 'kept as is' : 'backup kept'})
                </Text>
              ) : null}
            </Text>
          );
        })}
      </Box>
      {baseImages.length > 0 ? (
        <Box flexDirection="column" marginTop={1}>
          {baseImages.map((image) => (
            <Text key={image.stage}>
              <Text color={theme.muted}>{image.stage}: </Text>
              {image.ref} <Text color={theme.muted}>({image.reason})</Text>
            </Text>
          ))}
        </Box>
      ) : null}
      {notes.length > 0 ? (
        <Box flexDirection="column" marginTop={1}>
          {notes.map((note, index) => (
            <Text key={index} color={theme.warning}>
              ! {note}
            </Text>
          ))}
        </Box>
      ) : null}
      {selected && selected.action === 'conflict' ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>{selected.path} exists; the changes:</Text>
          <DiffView patch={fileDiff(selected.path, selected.existing ?? '', selected.content)} maxLines={diffRoom} />
        </Box>
      ) : null}
      <Box marginTop={1}>
        <Text>
          Enter writes {conflicts > 0 ? 'them (each replaced file is backed up first; Space keeps yours)' : 'them'}, Esc goes back.
        </Text>
      </Box>
    </Box>
  );
}
