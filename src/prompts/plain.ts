// The line-by-line shell over the same question model: for screen readers, dumb terminals
// and Windows consoles. Same questions, same order, same validation as the wizard.
import { confirm, expand, input, select } from '@inquirer/prompts';
import type { Readable, Writable } from 'node:stream';
import { evidenceText } from '../detect/format.js';
import { QUESTIONS, isAsked, normalizeAnswer, stepOf, type QuestionId, type StepId } from '../questions/model.js';
import { buildAnswers, presetAnswers, questionContext, type ResolveInput } from '../questions/resolve.js';
import type { InitActions } from '../ui/actions.js';
import { paint, type Theme } from '../ui/theme.js';
import { diffLines, fileDiff } from '../write/diff.js';
import { statusLine } from '../write/plan.js';
import type { WriteStatus } from '../write/apply.js';
import { buildSecretIds, secretFlag } from '../retrofit/series.js';
import type { Prepared } from '../ui/actions.js';
import { offerArgs, NEXT_OFFERS, planToWrite, RETROFIT_MODES, retrofitContent, reviewNotes, type RetrofitMode } from '../ui/state.js';

export interface PlainOptions {
  input: ResolveInput;
  actions: InitActions;
  app?: string;
  dirLabel: string;
  theme: Theme;
  /** Replace existing files without asking (backups are still kept). */
  force: boolean;
  stdin: Readable;
  stdout: Writable;
}

export type PlainResult = { kind: 'cancelled' } | { kind: 'done'; statuses: WriteStatus[] };

/** Thrown by @inquirer/prompts on Ctrl+C. */
function isExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

export function colouredDiff(theme: Theme, patch: string): string {
  return diffLines(patch)
    .map((line) => {
      switch (line.kind) {
        case 'add':
          return paint(theme, 'added', line.text);
        case 'remove':
          return paint(theme, 'removed', line.text);
        case 'hunk':
          return paint(theme, 'hunk', line.text);
        case 'header':
          return paint(theme, 'muted', line.text);
        default:
          return line.text;
      }
    })
    .join('\n');
}

export async function runPlain(options: PlainOptions): Promise<PlainResult> {
  try {
    return await interview(options);
  } catch (error) {
    if (isExit(error)) return { kind: 'cancelled' };
    throw error;
  }
}

async function interview(options: PlainOptions): Promise<PlainResult> {
  const { actions, theme, stdout } = options;
  const context = { input: options.stdin as NodeJS.ReadableStream, output: stdout as NodeJS.WritableStream };
  const say = (line = '') => stdout.write(`${line}\n`);

  say(`Looking at ${options.dirLabel} …`);
  let resolveInput: ResolveInput = options.input;
  try {
    const [detection, defaults] = await Promise.all([actions.detect(options.app), actions.defaults(options.app ?? '.')]);
    resolveInput = { ...resolveInput, detection, metadata: defaults.metadata, gitEmail: defaults.gitEmail, suggestedSecrets: defaults.suggestedSecrets };
    say(`Found: ${[detection.language, detection.packageManager, detection.version, detection.framework].filter(Boolean).join(', ')}`);
    for (const item of detection.evidence) say(`  ${evidenceText(item)}`);
    for (const warning of detection.warnings) say(paint(theme, 'warning', `  ! ${warning}`));
  } catch (error) {
    say(paint(theme, 'warning', `Could not detect the stack: ${error instanceof Error ? error.message : String(error)}`));
  }

  const presets = presetAnswers(resolveInput);
  const values: Partial<Record<QuestionId, string>> = {};
  let step: StepId | null = null;
  for (const question of QUESTIONS) {
    const ctx = questionContext(resolveInput, values);
    if (!isAsked(question, ctx)) continue;
    const preset = presets.get(question.id);
    if (preset?.source === 'flag') {
      const text = normalizeAnswer(question, preset.text);
      if (question.validate(text, ctx) === null) {
        values[question.id] = text;
        continue;
      }
    }
    if (question.step !== step) {
      step = question.step;
      say();
      say(paint(theme, 'accent', `${stepOf(step).title}: ${stepOf(step).intro}`));
    }
    const suggested = preset ? normalizeAnswer(question, preset.text) : question.default(ctx);
    const detected = preset ? null : question.detected?.(ctx);
    if (detected) say(paint(theme, 'muted', `  detected: ${detected}`));
    const notice = question.notice?.(ctx);
    if (notice) say(paint(theme, 'warning', `! ${notice}`));
    const choices = question.choices ? question.choices(ctx) : [];
    if (question.kind === 'select' && choices.length > 0) {
      const answer = await select(
        {
          message: question.prompt,
          choices: choices.map((choice) => ({ value: choice.value, name: choice.label, description: choice.hint })),
          default: choices.some((choice) => choice.value === suggested) ? suggested : undefined,
        },
        context,
      );
      values[question.id] = answer;
    } else {
      const answer = await input(
        {
          message: `${question.prompt} (? for help)`,
          default: suggested || undefined,
          validate: (text) => {
            if (text.trim() === '?') return question.help;
            return question.validate(normalizeAnswer(question, text), ctx) ?? true;
          },
        },
        context,
      );
      values[question.id] = normalizeAnswer(question, answer);
    }
  }

  const answers = buildAnswers(resolveInput, values);
  say();
  say('Generating the files …');
  const prepared = await actions.prepare(answers);
  for (const image of prepared.baseImages) say(`${image.stage}: ${image.ref} (${image.reason})`);
  for (const note of reviewNotes(prepared)) say(paint(theme, 'warning', `! ${note}`));
  let plan = prepared.plan;
  // An existing Dockerfile: the full rewrite or the patch series, chosen here, not in the replace prompts.
  const decided = new Set<string>();
  if (prepared.retrofit) {
    plan = await chooseRetrofit(prepared, options, context, say);
    decided.add(prepared.retrofit.path);
  }
  for (const entry of plan) say(statusLine(entry.action, entry.path));

  const skip = new Set<string>();
  let replaceAll = options.force;
  const keptByDefault = new Set(prepared.keep ?? []);
  for (const entry of plan.filter((e) => e.action === 'conflict' && !decided.has(e.path))) {
    say();
    say(`${entry.path} exists and differs:`);
    say(colouredDiff(theme, fileDiff(entry.path, entry.existing ?? '', entry.content)));
    if (keptByDefault.has(entry.path)) {
      // Yours stays unless you choose the generated one; "replace all" does not choose for you.
      const replace = !replaceAll && (await confirm({ message: `Replace your ${entry.path} with the generated one? A backup is kept.`, default: false }, context));
      if (!replace) skip.add(entry.path);
      continue;
    }
    if (replaceAll) continue;
    const choice = await expand(
      {
        message: `Replace ${entry.path}? A backup is kept.`,
        default: 'y',
        choices: [
          { key: 'y', name: 'Yes, replace it (backup kept)', value: 'yes' },
          { key: 'n', name: 'No, keep mine', value: 'no' },
          { key: 'a', name: 'Replace this and every other existing file', value: 'all' },
          { key: 'q', name: 'Quit without writing anything', value: 'quit' },
        ],
      },
      context,
    );
    if (choice === 'quit') return { kind: 'cancelled' };
    if (choice === 'no') skip.add(entry.path);
    if (choice === 'all') replaceAll = true;
  }

  const toWrite = plan.filter((entry) => entry.action !== 'identical' && !skip.has(entry.path)).length;
  if (toWrite > 0 && !(await confirm({ message: `Write ${toWrite} file${toWrite === 1 ? '' : 's'}?`, default: true }, context))) {
    return { kind: 'cancelled' };
  }
  say();
  const statuses = await actions.write(plan, {
    skip,
    onStatus: (status) => say(statusLine(status.verb, status.path, status.backup ? `-> ${status.backup}` : undefined)),
  });
  say();
  say('Next steps:');
  for (const offer of NEXT_OFFERS) {
    const args = offerArgs(offer.id, answers.app, answers.image.title);
    if (args.length > 0) say(`  ${offer.label}: harden-init ${args.join(' ')}`);
  }
  return { kind: 'done', statuses };
}

type PromptContext = { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };

/**
 * The two ways to apply a retrofit, as the wizard offers them: the full rewrite (shown with what
 * it cannot carry over), or the patch series, each hunk shown and accepted or rejected. Returns the
 * plan to write; the build secrets the chosen file needs are listed.
 */
async function chooseRetrofit(prepared: Prepared, options: PlainOptions, context: PromptContext, say: (line?: string) => void): Promise<Prepared['plan']> {
  const choice = prepared.retrofit!;
  const { theme } = options;
  say();
  say(`${choice.path} exists. The full rewrite:`);
  say(colouredDiff(theme, fileDiff(choice.path, choice.original, choice.rewrite)));
  for (const item of choice.unsafe) say(paint(theme, 'warning', `! not carried over safely: ${item}`));
  for (const name of choice.runtimeSecrets) say(paint(theme, 'warning', `! ${name} is no longer in the image: pass it at run time (docker run -e ${name})`));
  const mode = await select<RetrofitMode>(
    {
      message: `How should ${choice.path} change?`,
      choices: RETROFIT_MODES.map((m) => ({ value: m.id, name: m.id === 'patches' ? `${m.label} (${choice.patches.length} hunks)` : m.label, description: m.hint })),
      default: 'rewrite',
    },
    context,
  );
  const accepted = new Set<string>();
  if (mode === 'patches') {
    for (const [index, patch] of choice.patches.entries()) {
      say();
      say(paint(theme, 'accent', `Hunk ${index + 1} of ${choice.patches.length}: ${patch.title}`));
      say(colouredDiff(theme, patch.diff.slice(Math.max(0, patch.diff.indexOf('\n@@') + 1))));
      const answer = await expand(
        {
          message: 'Apply this hunk?',
          default: 'y',
          choices: [
            { key: 'y', name: 'Yes, apply it', value: 'yes' },
            { key: 'n', name: 'No, leave these lines as they are', value: 'no' },
            { key: 'a', name: 'Apply this and every remaining hunk', value: 'all' },
            { key: 'd', name: 'Leave this and every remaining hunk', value: 'none' },
          ],
        },
        context,
      );
      if (answer === 'yes') accepted.add(patch.id);
      if (answer === 'all') choice.patches.slice(index).forEach((p) => accepted.add(p.id));
      if (answer === 'all' || answer === 'none') break;
    }
    say();
    say(`${choice.path}: ${accepted.size} of ${choice.patches.length} hunks accepted`);
  }
  const review = { mode, accepted };
  for (const id of buildSecretIds(retrofitContent(choice, review))) {
    const variable = choice.secretVariables[id];
    say(`build secret ${id}${variable ? ` (was ${variable})` : ''}: docker build ${secretFlag(id)} .`);
  }
  return planToWrite(prepared, review);
}
