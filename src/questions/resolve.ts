// Flags > answers file > detected defaults: the same resolution every shell uses.
import type { Detection } from '../detect/types.js';
import { parseAnswers, type Answers } from './answers.js';
import {
  QUESTIONS,
  factsFor,
  isAsked,
  normalizeAnswer,
  type AppMetadata,
  type Question,
  type QuestionContext,
  type QuestionId,
} from './model.js';

/** Where an answer came from; errors name it so the user knows what to fix. */
export type AnswerSource = 'flag' | 'file' | 'default' | 'user';

export interface ResolveInput {
  /** Parsed CLI options keyed by commander's camelCase names (`packageManager`, `buildSecret`, `pin`...). */
  flags: Record<string, unknown>;
  detection: Detection | null;
  /** A loaded `--answers` file: its path (as the user typed it) and parsed content. */
  answersFile?: { path: string; data: unknown } | null;
  metadata?: AppMetadata | null;
  gitEmail?: string | null;
  now: Date;
  /** Build secret ids the repo seems to need; default for the build-secrets question. */
  suggestedSecrets?: string[];
  /** A CA bundle the environment names (the shell reads it); offered by the CA question. */
  caBundle?: { path: string; variable: string } | null;
}

/** An answer that does not validate, with where it came from. */
export class AnswerError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
    readonly source: AnswerSource,
    readonly question?: Question,
  ) {
    super(`${field} ${problem}`);
  }
}

export interface Preset {
  text: string;
  source: 'flag' | 'file';
}

function getPath(data: unknown, field: string): unknown {
  let current: unknown = data;
  for (const key of field.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function setPath(target: Record<string, unknown>, field: string, value: unknown): void {
  const keys = field.split('.');
  let current = target;
  for (const key of keys.slice(0, -1)) {
    const next = current[key];
    current[key] = next !== null && typeof next === 'object' && !Array.isArray(next) ? { ...(next as object) } : {};
    current = current[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete current[last];
  else current[last] = value;
}

function flagText(question: Question, flags: Record<string, unknown>): string | undefined {
  const raw = flags[question.flag.key];
  if (raw === undefined || raw === null) return undefined;
  if (Array.isArray(raw)) return raw.length === 0 ? undefined : raw.map(String).join(', ');
  return String(raw);
}

/** Answers fixed before any question is asked: from flags, then from the answers file. */
export function presetAnswers(input: Pick<ResolveInput, 'flags' | 'answersFile'>): Map<QuestionId, Preset> {
  const presets = new Map<QuestionId, Preset>();
  for (const question of QUESTIONS) {
    const fromFlag = flagText(question, input.flags);
    if (fromFlag !== undefined) {
      presets.set(question.id, { text: normalizeAnswer(question, fromFlag), source: 'flag' });
      continue;
    }
    const fromFile = input.answersFile ? getPath(input.answersFile.data, question.field) : undefined;
    if (fromFile !== undefined) presets.set(question.id, { text: normalizeAnswer(question, question.toText(fromFile)), source: 'file' });
  }
  return presets;
}

/** The context questions read for defaults, choices and when-to-ask. */
export function questionContext(input: ResolveInput, values: Partial<Record<QuestionId, string>>): QuestionContext {
  const app = values.app ?? flagText(QUESTIONS[0], input.flags);
  return {
    detection: input.detection,
    facts: factsFor(input.detection, app),
    metadata: input.metadata ?? {},
    gitEmail: input.gitEmail ?? null,
    now: input.now,
    suggestedSecrets: input.suggestedSecrets ?? [],
    caBundle: input.caBundle ?? null,
    values,
  };
}

/** Checks one answer's text; throws AnswerError naming the field. */
export function checkAnswer(question: Question, text: string, ctx: QuestionContext, source: AnswerSource): string {
  const normalized = normalizeAnswer(question, text);
  const problem = question.validate(normalized, ctx);
  if (problem) throw new AnswerError(question.field, problem, source, question);
  return normalized;
}

/**
 * Resolves every answer without asking: flags, then the answers file, then detected defaults.
 * Pure; throws AnswerError for the first answer that does not validate.
 */
export function resolveAnswers(input: ResolveInput): Answers {
  const presets = presetAnswers(input);
  const values: Partial<Record<QuestionId, string>> = {};
  for (const question of QUESTIONS) {
    const ctx = questionContext(input, values);
    const preset = presets.get(question.id);
    if (!isAsked(question, ctx)) {
      // A preset for a question that is not asked (e.g. --app outside a workspace) still counts.
      if (preset) values[question.id] = preset.text;
      continue;
    }
    const text = preset?.text ?? question.default(ctx);
    values[question.id] = checkAnswer(question, text, ctx, preset?.source ?? 'default');
  }
  return buildAnswers(input, values);
}

/** Turns answered texts (plus what the file and detection know beyond the questions) into Answers. */
export function buildAnswers(input: ResolveInput, values: Partial<Record<QuestionId, string>>): Answers {
  const fileData = input.answersFile?.data;
  const base: Record<string, unknown> = fileData && typeof fileData === 'object' && !Array.isArray(fileData) ? structuredClone(fileData as Record<string, unknown>) : {};
  const ctx = questionContext(input, values);
  for (const question of QUESTIONS) {
    const text = values[question.id];
    if (text === undefined) continue;
    setPath(base, question.field, question.toValue(text));
  }
  if (base.app === undefined) base.app = '.';
  const facts = ctx.facts;
  if (base.installCommand === undefined && facts?.install && facts.language === base.language) base.installCommand = facts.install;
  if (input.flags.registry !== undefined && input.flags.registry !== null) base.registry = String(input.flags.registry);
  if (input.flags.pin === false) base.pin = false;
  if (base.image === undefined) base.image = imageLabels(input.metadata ?? {});

  const parsed = parseAnswers(base);
  if (!parsed.ok) {
    const question = QUESTIONS.find((q) => q.field === parsed.field);
    const source: AnswerSource = question && values[question.id] !== undefined ? 'user' : input.answersFile ? 'file' : 'default';
    throw new AnswerError(parsed.field, parsed.message, source, question);
  }
  return parsed.answers;
}

/** OCI label values known from package metadata. */
export function imageLabels(metadata: AppMetadata): Answers['image'] {
  const labels: Answers['image'] = {};
  for (const key of ['title', 'description', 'version', 'source', 'licenses', 'vendor'] as const) {
    const value = metadata[key];
    if (value) labels[key] = value;
  }
  return labels;
}

/** The answers file text the wizard saves: stable key order, two-space JSON, final newline. */
export function answersFileText(answers: Answers): string {
  return `${JSON.stringify(answers, null, 2)}\n`;
}

export const ANSWERS_FILE = '.harden-init.json';
