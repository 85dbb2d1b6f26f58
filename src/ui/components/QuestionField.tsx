import { Box, Text } from 'ink';
import type { Choice, Question } from '../../questions/model.js';
import type { Draft } from '../state.js';
import { useTheme } from './theme-context.js';

export interface QuestionFieldProps {
  question: Question;
  draft: Draft;
  choices: Choice[];
  error: string | null;
  help: boolean;
  /** Show every choice's hint (the base image trade-offs), not only the highlighted one's. */
  allHints?: boolean;
  /** Where the suggested answer was found in the code, shown under the answer. */
  detected?: string | null;
  /** A warning about the suggested answer (e.g. its end of life), shown under the prompt. */
  notice?: string | null;
}

/** The active question: prompt, editable answer or choice list, inline error and help. */
export function QuestionField({ question, draft, choices, error, help, allHints = false, detected = null, notice = null }: QuestionFieldProps) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      <Text bold>
        <Text color={theme.accent}>? </Text>
        {question.prompt}
      </Text>
      {notice ? (
        <Box marginLeft={2}>
          <Text color={theme.warning}>! {notice}</Text>
        </Box>
      ) : null}
      {question.kind === 'select' && choices.length > 0 ? (
        <Box flexDirection="column" marginLeft={2}>
          {choices.map((choice, index) => {
            const selected = index === draft.choice;
            return (
              <Box key={choice.value} flexDirection="column">
                <Text color={selected ? theme.accent : undefined} bold={selected}>
                  {selected ? '❯ ' : '  '}
                  {choice.label}
                  {choice.hint && !allHints && selected ? <Text color={theme.muted}> ({choice.hint})</Text> : null}
                </Text>
                {choice.hint && allHints ? (
                  <Box marginLeft={4}>
                    <Text color={theme.muted}>{choice.hint}</Text>
                  </Box>
                ) : null}
              </Box>
            );
          })}
        </Box>
      ) : (
        <Box marginLeft={2}>
          <Text>
            <Text color={theme.accent}>❯ </Text>
            <Text color={draft.pristine ? theme.muted : undefined}>{draft.text}</Text>
            <Text inverse> </Text>
          </Text>
        </Box>
      )}
      {detected ? (
        <Box marginLeft={2}>
          <Text color={theme.muted}>detected: {detected}</Text>
        </Box>
      ) : null}
      {error ? (
        <Box marginLeft={2}>
          <Text color={theme.error}>✗ {question.field} {error}</Text>
        </Box>
      ) : null}
      {help ? (
        <Box marginLeft={2} marginTop={1} flexDirection="column">
          <Text color={theme.muted}>{question.help}</Text>
          <Text color={theme.muted}>
            Flag: {question.flag.long} {question.flag.arg}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
}
