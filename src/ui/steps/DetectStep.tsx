import { Box, Text } from 'ink';
import { acceptPreview, acceptSentence, defaultsLine, type AcceptPreview } from '../../questions/walk.js';
import { Looking } from '../components/Looking.js';
import { useTheme } from '../components/theme-context.js';
import { useStepKeys } from '../hooks/use-step-keys.js';
import type { StepProps } from './types.js';

/** What Enter does here: the answers it takes, and what it still asks. */
function AcceptOffer({ preview }: { preview: AcceptPreview }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text>
        <Text bold>Enter</Text> {acceptSentence(preview)}.
      </Text>
      {preview.defaults.length > 0 ? <Text color={theme.muted}>Defaults for the rest: {defaultsLine(preview)}</Text> : null}
      <Text>
        <Text bold>e</Text> (or ↓) goes through every answer, one by one.
      </Text>
    </Box>
  );
}

/** What was found, from which file, and what was ambiguous; Enter accepts it all at once. */
export function DetectStep({ state, dispatch, active, dirLabel }: StepProps) {
  const theme = useTheme();
  useStepKeys(dispatch, { screen: 'detect', typing: false }, active);
  const { detection } = state;
  if (detection.status === 'running' || detection.status === 'idle') return <Looking dirLabel={dirLabel} />;
  const preview = acceptPreview(state.input, state.presets, state.values);
  if (detection.status === 'failed') {
    return (
      <Box flexDirection="column">
        <Text color={theme.warning}>Could not detect the stack of {dirLabel}: {detection.message}</Text>
        <AcceptOffer preview={preview} />
      </Box>
    );
  }
  const found = detection.value;
  return (
    <Box flexDirection="column">
      <Text bold>Found in {dirLabel}:</Text>
      <Box flexDirection="column" marginLeft={2}>
        {preview.detected.map(({ question, text, missing, note }) => (
          <Text key={question.id}>
            <Text color={theme.muted}>{question.name.padEnd(16)}</Text> <Text color={missing ? theme.warning : undefined}>{text}</Text>
            <Text color={note.startsWith(' (asked next') ? theme.warning : theme.muted}>{note}</Text>
          </Text>
        ))}
      </Box>
      {found.workspace && found.apps.length > 0 ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>Workspace with {found.apps.length} apps:</Text>
          {found.apps.map((app) => (
            <Text key={app.path}>
              {'  '}
              {app.path} <Text color={theme.muted}>({[app.language, app.framework].filter(Boolean).join(', ')})</Text>
            </Text>
          ))}
        </Box>
      ) : null}
      {found.evidence.length > 0 ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>Evidence:</Text>
          {found.evidence.map((item, index) => (
            <Text key={index}>
              {'  '}
              <Text color={theme.accent}>
                {item.file}
                {item.line === undefined ? '' : `:${item.line}`}
              </Text>
              : {item.fact}
            </Text>
          ))}
        </Box>
      ) : null}
      {found.warnings.length > 0 ? (
        <Box flexDirection="column" marginTop={1}>
          {found.warnings.map((warning, index) => (
            <Text key={index} color={theme.warning}>
              ! {warning}
            </Text>
          ))}
        </Box>
      ) : null}
      <AcceptOffer preview={preview} />
    </Box>
  );
}
