import { Box, Text, useStdout } from 'ink';
import type { ReactNode } from 'react';
import { hintsFor, type FooterContext } from '../keys.js';
import { flowTitles, type Progress } from '../flow.js';
import type { ScreenKind } from '../state.js';
import { useTheme } from './theme-context.js';

/** Header with the progress indicator, the step's body, and the key hints of this screen. */
export function Frame({ progress, screen, footer, children }: { progress: Progress; screen: ScreenKind; footer?: FooterContext; children: ReactNode }) {
  const theme = useTheme();
  const { stdout } = useStdout();
  const width = Math.max(20, (stdout?.columns ?? 80) - 1);
  const titles = flowTitles();
  const dots = titles.map((_, index) => (index < progress.stepIndex ? '●' : index === progress.stepIndex ? '◉' : '○')).join(' ');
  const question = progress.question ? ` · question ${progress.question.index + 1} of ${progress.question.count}` : '';
  const hints = hintsFor(screen, footer)
    .map((binding) => `${binding.label} ${binding.description}`)
    .join(' · ');
  // One box of lines, blank lines for spacing: the first frame (the detect screen's spinner) is laid
  // out before anything else, and every nested box costs it time.
  return (
    <Box flexDirection="column" width={width}>
      <Text>
        <Text bold color={theme.accent}>
          harden-init
        </Text>
        <Text color={theme.muted}>
          {' '}
          step {progress.stepIndex + 1} of {progress.stepCount}: {progress.title}
          {question}
        </Text>
      </Text>
      <Text color={theme.muted}>{dots}</Text>
      <Text> </Text>
      {children}
      <Text> </Text>
      <Text color={theme.muted}>{hints}</Text>
    </Box>
  );
}
