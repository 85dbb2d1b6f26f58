// The line-by-line shell over the same question model: for screen readers, dumb terminals
// and Windows consoles. Same questions, same order, same validation as the wizard.
import { confirm, expand, input, select } from '@inquirer/prompts';
import type { Readable, Writable } from 'node:stream';
import { QUESTIONS, isAsked, normalizeAnswer, stepOf, type QuestionId, type StepId } from '../questions/model.js';
import { buildAnswers, presetAnswers, questionContext, type ResolveInput } from '../questions/resolve.js';
import type { InitActions } from '../ui/actions.js';
import { paint, type Theme } from '../ui/theme.js';
import { diffLines, fileDiff } from '../write/diff.js';
import { statusLine } from '../write/plan.js';
import type { WriteStatus } from '../write/apply.js';
import { offerArgs, NEXT_OFFERS } from '../ui/state.js';

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
    for (const item of detection.evidence) say(`  ${item.file}: ${item.fact}`);
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
  for (const note of prepared.notes) say(paint(theme, 'warning', `! ${note}`));
  for (const entry of prepared.plan) say(statusLine(entry.action, entry.path));

  const skip = new Set<string>();
  let replaceAll = options.force;
  for (const entry of prepared.plan.filter((e) => e.action === 'conflict')) {
    say();
    say(`${entry.path} exists and differs:`);
    say(colouredDiff(theme, fileDiff(entry.path, entry.existing ?? '', entry.content)));
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

  const toWrite = prepared.plan.filter((entry) => entry.action !== 'identical' && !skip.has(entry.path)).length;
  if (toWrite > 0 && !(await confirm({ message: `Write ${toWrite} file${toWrite === 1 ? '' : 's'}?`, default: true }, context))) {
    return { kind: 'cancelled' };
  }
  say();
  const statuses = await actions.write(prepared.plan, {
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
