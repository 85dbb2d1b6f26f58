import { Box, Text } from 'ink';
import type { AppFacts } from '../../detect/types.js';
import { useTheme } from '../components/theme-context.js';
import { useStepKeys } from '../hooks/use-step-keys.js';
import type { StepProps } from './types.js';

function facts(app: AppFacts): Array<[string, string]> {
  return [
    ['language', app.language],
    ['package manager', app.packageManager],
    ['runtime version', app.version ?? 'not pinned'],
    ['framework', app.framework ?? 'none'],
    ['build', app.build ?? 'none'],
    ['start', app.start ?? 'not found'],
    ['port', app.port === null ? 'not found' : String(app.port)],
    ['health check', app.healthcheck ?? 'none found'],
  ];
}

/** What was found, from which file, and what was ambiguous. Shown at once; detection fills it in. */
export function DetectStep({ state, dispatch, active, dirLabel }: StepProps) {
  const theme = useTheme();
  useStepKeys(dispatch, { screen: 'detect', typing: false }, active);
  const { detection } = state;
  if (detection.status === 'running' || detection.status === 'idle') {
    return (
      <Box flexDirection="column">
        <Text>Looking at {dirLabel} …</Text>
        <Text color={theme.muted}>Reading manifests and lock files to suggest answers.</Text>
      </Box>
    );
  }
  if (detection.status === 'failed') {
    return (
      <Box flexDirection="column">
        <Text color={theme.warning}>Could not detect the stack of {dirLabel}: {detection.message}</Text>
        <Text>Press Enter to answer the questions yourself.</Text>
      </Box>
    );
  }
  const found = detection.value;
  return (
    <Box flexDirection="column">
      <Text bold>Found in {dirLabel}:</Text>
      <Box flexDirection="column" marginLeft={2}>
        {facts(found).map(([label, value]) => (
          <Text key={label}>
            <Text color={theme.muted}>{label.padEnd(16)}</Text> {value}
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
      <Box marginTop={1}>
        <Text>Press Enter to confirm or change these answers.</Text>
      </Box>
    </Box>
  );
}
