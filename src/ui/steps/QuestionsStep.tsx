import { Box, Text } from 'ink';
import { QUESTIONS, questionById, stepOf, type QuestionId } from '../../questions/model.js';
import { QuestionField } from '../components/QuestionField.js';
import { useTheme } from '../components/theme-context.js';
import { useStepKeys } from '../hooks/use-step-keys.js';
import { choicesOf, contextOf, currentScreen, noticeOf, type WizardState } from '../state.js';
import type { StepProps } from './types.js';

/** The step's answers so far, one line each, above the active question. */
export function AnsweredList({ state, id }: { state: WizardState; id: QuestionId }) {
  const theme = useTheme();
  const question = questionById(id);
  const before = QUESTIONS.slice(0, QUESTIONS.indexOf(question)).filter((q) => q.step === question.step && state.values[q.id] !== undefined);
  if (before.length === 0) return null;
  return (
    <Box flexDirection="column" marginBottom={1}>
      {before.map((q) => (
        <Text key={q.id}>
          <Text color={theme.success}>✔ </Text>
          {q.prompt} <Text color={theme.accent}>{state.values[q.id]}</Text>
        </Text>
      ))}
    </Box>
  );
}

/** A step of plain questions (app, runtime): the answered ones, then the active one. */
export function QuestionsStep({ state, dispatch, active }: StepProps) {
  const screen = currentScreen(state);
  if (screen.kind !== 'question') throw new Error('QuestionsStep needs a question screen');
  const question = questionById(screen.id);
  const typing = question.kind === 'text' && !state.draft.pristine;
  useStepKeys(dispatch, { screen: 'question', typing }, active);
  return (
    <Box flexDirection="column">
      <Box marginBottom={1}>
        <Text>{stepOf(question.step).intro}</Text>
      </Box>
      <AnsweredList state={state} id={question.id} />
      <QuestionField
        question={question}
        draft={state.draft}
        choices={choicesOf(state, question)}
        error={state.error}
        help={state.help}
        detected={state.presets.has(question.id) ? null : (question.detected?.(contextOf(state)) ?? null)}
        notice={noticeOf(state, question)}
      />
    </Box>
  );
}
