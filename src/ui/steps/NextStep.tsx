import { Box, Text } from 'ink';
import { StatusLines } from '../components/StatusLines.js';
import { useTheme } from '../components/theme-context.js';
import { useStepKeys } from '../hooks/use-step-keys.js';
import { NEXT_OFFERS, offerArgs } from '../state.js';
import type { StepProps } from './types.js';

/** What was written, then what to do next: lint, build, scan, each naming its command; choosing one hands over to it. */
export function NextStep({ state, dispatch, active }: StepProps) {
  const theme = useTheme();
  useStepKeys(dispatch, { screen: 'next', typing: false }, active);
  const app = state.answers?.app ?? '.';
  const written = state.written.status === 'done' ? state.written.value : [];
  return (
    <Box flexDirection="column">
      <StatusLines statuses={written} />
      <Box marginTop={written.length > 0 ? 1 : 0}>
        <Text bold>Next steps:</Text>
      </Box>
      {NEXT_OFFERS.map((offer, index) => {
        const selected = index === state.nextIndex;
        const args = offerArgs(offer.id, app, state.answers?.image.title);
        return (
          <Text key={offer.id} color={selected ? theme.accent : undefined} bold={selected}>
            {selected ? '❯ ' : '  '}
            {offer.label}
            {args.length > 0 ? <Text color={theme.muted}>  harden-init {args.join(' ')}</Text> : null}
          </Text>
        );
      })}
      <Box marginTop={1}>
        <Text color={theme.muted}>Commit the new files with your code; re-run harden-init --answers .harden-init.json to reproduce them.</Text>
      </Box>
    </Box>
  );
}
