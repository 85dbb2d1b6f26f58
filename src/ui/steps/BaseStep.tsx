import { Box, Text } from 'ink';
import { questionById, stepOf } from '../../questions/model.js';
import { QuestionField } from '../components/QuestionField.js';
import { useTheme } from '../components/theme-context.js';
import { useStepKeys } from '../hooks/use-step-keys.js';
import { choicesOf, contextOf } from '../state.js';
import type { StepProps } from './types.js';

/** The final base image, every choice with its size and attack-surface trade-off. */
export function BaseStep({ state, dispatch, active }: StepProps) {
  const theme = useTheme();
  const question = questionById('base');
  useStepKeys(dispatch, { screen: 'question', typing: false }, active);
  const ctx = contextOf(state);
  const language = ctx.values.language ?? ctx.facts?.language ?? 'your app';
  return (
    <Box flexDirection="column">
      <Box marginBottom={1} flexDirection="column">
        <Text>{stepOf('base').intro}</Text>
        <Text color={theme.muted}>
          Build stages keep the {language} toolchain; none of it reaches the final image.
        </Text>
      </Box>
      <QuestionField question={question} draft={state.draft} choices={choicesOf(state, question)} error={state.error} help={state.help} allHints />
    </Box>
  );
}
