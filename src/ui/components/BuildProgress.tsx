import { Box, Text, render } from 'ink';
import type { Writable } from 'node:stream';
import { isUserStep, type BuildProgress as Progress, type BuildStep } from '../../docker/progress.js';
import { makeTheme } from '../theme.js';
import { ThemeContext, useTheme } from './theme-context.js';

const MARK: Record<BuildStep['status'], string> = { running: '…', cached: '=', done: '✓', error: '✗' };
const LOG_LINES = 12;

export interface BuildProgressProps {
  progress: Progress;
  /** When each step was first seen (ms), for the elapsed time of running steps. */
  seenAt: ReadonlyMap<number, number>;
  now: number;
  title: string;
}

/** The steps of a BuildKit build: cached/running/done with elapsed time, and the failing step's log tail. */
export function BuildProgress({ progress, seenAt, now, title }: BuildProgressProps) {
  const theme = useTheme();
  const steps = progress.steps.filter(isUserStep);
  const failed = steps.find((s) => s.status === 'error');
  const colour = (s: BuildStep) => (s.status === 'error' ? theme.error : s.status === 'running' ? theme.accent : s.status === 'cached' ? theme.muted : theme.success);
  const elapsed = (s: BuildStep) => {
    if (s.status === 'cached') return 'cached';
    const seconds = s.elapsed ?? (now - (seenAt.get(s.id) ?? now)) / 1000;
    return `${seconds.toFixed(1)}s`;
  };
  return (
    <Box flexDirection="column">
      <Text bold>{title}</Text>
      {steps.map((s) => (
        <Text key={s.id}>
          <Text color={colour(s)}>{MARK[s.status]} </Text>
          <Text color={theme.muted}>{elapsed(s).padStart(7)} </Text>
          <Text>{s.name}</Text>
        </Text>
      ))}
      {failed ? (
        <Box flexDirection="column" marginTop={1}>
          <Text color={theme.error}>{failed.error ?? 'failed'}</Text>
          {failed.log.slice(-LOG_LINES).map((line, i) => (
            <Text key={i} color={theme.muted}>
              {'  '}
              {line}
            </Text>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}

/**
 * Shows a build's progress in the terminal, redrawn as it goes (elapsed times tick) until `stop`,
 * which leaves its last state on screen.
 */
export function showBuildProgress(io: { stdout: Writable; stderr: Writable; color: boolean }, title: string) {
  const seenAt = new Map<number, number>();
  let latest: Progress = { steps: [], errors: [] };
  const view = () => (
    <ThemeContext.Provider value={makeTheme(io.color)}>
      <BuildProgress progress={latest} seenAt={seenAt} now={Date.now()} title={title} />
    </ThemeContext.Provider>
  );
  const app = render(view(), { stdout: io.stdout as NodeJS.WriteStream, stderr: io.stderr as NodeJS.WriteStream, patchConsole: false, exitOnCtrlC: true });
  const timer = setInterval(() => app.rerender(view()), 250);
  return {
    update(progress: Progress) {
      latest = progress;
      for (const step of progress.steps) if (!seenAt.has(step.id)) seenAt.set(step.id, Date.now());
    },
    async stop() {
      clearInterval(timer);
      app.rerender(view());
      app.unmount();
      await app.waitUntilExit();
    },
  };
}
