import { Box, Text, useStdout } from 'ink';
import { buildSecretIds, secretFlag } from '../../retrofit/series.js';
import { statusLine } from '../../write/plan.js';
import { diffStat, fileDiff } from '../../write/diff.js';
import type { RetrofitChoice } from '../actions.js';
import { DiffView } from '../components/DiffView.js';
import { useTheme } from '../components/theme-context.js';
import { useStepKeys } from '../hooks/use-step-keys.js';
import { useTask } from '../hooks/use-task.js';
import { planToWrite, RETROFIT_MODES, retrofitContent, reviewNotes, type RetrofitReview } from '../state.js';
import type { StepProps } from './types.js';

/** Lines of a diff shown under a review note before it is cut short. */
const NOTE_DIFF_LINES = 8;

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
  const { baseImages, retrofit } = prepared.value;
  const notes = reviewNotes(prepared.value);
  const rows = stdout?.rows ?? 24;
  if (retrofit && state.retrofit.view === 'patches') return <PatchSeries choice={retrofit} review={state.retrofit} rows={rows} />;
  const plan = planToWrite(prepared.value, state.retrofit);
  const selected = plan[state.reviewIndex];
  const retrofitLines = retrofit ? 4 + retrofit.unsafe.length + retrofit.runtimeSecrets.length : 0;
  const noteLines = notes.reduce((sum, note) => sum + Math.min(note.split('\n').length, NOTE_DIFF_LINES + 2), 0);
  const diffRoom = Math.max(6, rows - 16 - plan.length - noteLines - baseImages.length - retrofitLines);
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
      {retrofit ? <RetrofitSummary choice={retrofit} review={state.retrofit} /> : null}
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
          {notes.map((note, index) => {
            // A note may carry a diff (a compose file's suggested hardening): its first line, then the diff, capped.
            const [head, ...rest] = note.split('\n');
            return (
              <Box key={index} flexDirection="column">
                <Text color={theme.warning}>! {head}</Text>
                {rest.length > 0 ? (
                  <Box marginLeft={2}>
                    <DiffView patch={rest.join('\n')} maxLines={NOTE_DIFF_LINES} />
                  </Box>
                ) : null}
              </Box>
            );
          })}
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

/** The two ways to apply a retrofit, which one is chosen, and what the user must know about it. */
function RetrofitSummary({ choice, review }: { choice: RetrofitChoice; review: RetrofitReview }) {
  const theme = useTheme();
  const keys: Record<RetrofitReview['mode'], string> = { rewrite: 'r', patches: 'p' };
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>Your {choice.path} exists. How should it change?</Text>
      {RETROFIT_MODES.map((mode) => {
        const chosen = review.mode === mode.id;
        const count = mode.id === 'patches' ? ` (${review.accepted.size} of ${choice.patches.length} hunks accepted)` : '';
        return (
          <Text key={mode.id} bold={chosen}>
            {chosen ? ' ◉ ' : ' ○ '}
            {mode.label}
            {count}
            <Text color={theme.muted}>
              : {mode.hint} [{keys[mode.id]}]
            </Text>
          </Text>
        );
      })}
      <CarryNotes choice={choice} review={review} />
    </Box>
  );
}

/** What cannot be carried over safely (the rewrite), secrets dropped from the image, build secrets to pass. */
function CarryNotes({ choice, review }: { choice: RetrofitChoice; review: RetrofitReview }) {
  const theme = useTheme();
  const ids = buildSecretIds(retrofitContent(choice, review));
  const rewrite = review.mode === 'rewrite';
  return (
    <Box flexDirection="column">
      {rewrite && choice.unsafe.length > 0 ? (
        <Box flexDirection="column">
          <Text color={theme.warning}>Not carried over safely (left as a comment in the file):</Text>
          {choice.unsafe.map((item, index) => (
            <Text key={index} color={theme.warning}>
              {'  '}! {item}
            </Text>
          ))}
        </Box>
      ) : null}
      {rewrite && choice.runtimeSecrets.length > 0 ? (
        <Text color={theme.warning}>No longer in the image, pass at run time: {choice.runtimeSecrets.map((name) => `docker run -e ${name}`).join(', ')}</Text>
      ) : null}
      {ids.length > 0 ? (
        <Box flexDirection="column">
          <Text>Build secrets to pass:</Text>
          {ids.map((id) => (
            <Text key={id}>
              {'  '}docker build {secretFlag(id)} .
              {choice.secretVariables[id] ? <Text color={theme.muted}> (was {choice.secretVariables[id]})</Text> : null}
            </Text>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}

/** The patch series, one hunk at a time: its title and diff, accepted or rejected. */
function PatchSeries({ choice, review, rows }: { choice: RetrofitChoice; review: RetrofitReview; rows: number }) {
  const theme = useTheme();
  const { patches } = choice;
  const current = patches[review.index];
  // A long series shows a window of titles around the hunk in focus.
  const room = Math.max(3, Math.floor((rows - 14) / 3));
  const first = Math.max(0, Math.min(review.index - Math.floor(room / 2), patches.length - room));
  const shown = patches.slice(first, first + room);
  const diffRoom = Math.max(6, rows - 18 - shown.length);
  return (
    <Box flexDirection="column">
      <Text bold>
        Patch series for {choice.path}: {review.accepted.size} of {patches.length} hunks accepted
      </Text>
      {patches.length === 0 ? <Text color={theme.muted}>Nothing to fix hunk by hunk: the file stays as it is.</Text> : null}
      <Box flexDirection="column" marginLeft={1}>
        {first > 0 ? <Text color={theme.muted}>  … {first} more above</Text> : null}
        {shown.map((patch, offset) => {
          const index = first + offset;
          const accepted = review.accepted.has(patch.id);
          return (
            <Text key={patch.id} bold={index === review.index} wrap="truncate-end">
              {index === review.index ? '❯ ' : '  '}
              <Text color={accepted ? theme.success : theme.muted}>{accepted ? '[✔] ' : '[ ] '}</Text>
              {index + 1}. {patch.title}
            </Text>
          );
        })}
        {first + shown.length < patches.length ? <Text color={theme.muted}>  … {patches.length - first - shown.length} more below</Text> : null}
      </Box>
      {current ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>
            Hunk {review.index + 1} of {patches.length}: {review.accepted.has(current.id) ? 'accepted' : 'rejected'}
          </Text>
          <Text>{current.title}</Text>
          <DiffView patch={current.diff.slice(Math.max(0, current.diff.indexOf('\n@@') + 1))} maxLines={diffRoom} />
        </Box>
      ) : null}
      <CarryNotes choice={choice} review={review} />
      <Box marginTop={1}>
        <Text>
          y accepts, n rejects (then the next hunk), Space toggles, ↑/↓ move. Enter writes {choice.path} with the {review.accepted.size} accepted hunk{review.accepted.size === 1 ? '' : 's'} (backup kept), r takes the full rewrite instead, Esc goes back to the files.
        </Text>
      </Box>
    </Box>
  );
}
