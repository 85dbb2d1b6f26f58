import { Box, Text } from 'ink';
import { questionById, stepOf } from '../../questions/model.js';
import { QuestionField } from '../components/QuestionField.js';
import { useTheme } from '../components/theme-context.js';
import { useStepKeys } from '../hooks/use-step-keys.js';
import { choicesOf, contextOf, currentScreen } from '../state.js';
import { AnsweredList } from './QuestionsStep.js';
import type { StepProps } from './types.js';

/** Security contact and policy for security.txt, explaining why it is asked. */
export function SecurityStep({ state, dispatch, active }: StepProps) {
  const theme = useTheme();
  const screen = currentScreen(state);
  if (screen.kind !== 'question') throw new Error('SecurityStep needs a question screen');
  const question = questionById(screen.id);
  const typing = !state.draft.pristine;
  useStepKeys(dispatch, { screen: 'question', typing }, active);
  const noContact = question.id === 'contact' && question.default(contextOf(state)) === '';
  return (
    <Box flexDirection="column">
      <Box marginBottom={1} flexDirection="column">
        <Text>{stepOf('security').intro}</Text>
        <Text color={theme.muted}>It is served at /.well-known/security.txt and linked from the image label securitytxt.</Text>
        {noContact ? (
          <Text color={theme.warning}>
            No contact found in the package metadata or git user.email: type an email or https: page that reaches someone who can fix a vulnerability.
          </Text>
        ) : null}
      </Box>
      <AnsweredList state={state} id={question.id} />
      <QuestionField question={question} draft={state.draft} choices={choicesOf(state, question)} error={state.error} help={state.help} />
    </Box>
  );
}
