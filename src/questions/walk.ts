// The one rule every shell follows to go through the questions: which it skips, which answers it
// takes without asking (valid flags; when accepting the detected answers, what detection or the
// answers file filled and the safe defaults), and which it asks.
import { QUESTIONS, askedOnAccept, isAsked, type Question, type QuestionContext, type QuestionId } from './model.js';
import { questionContext, type Preset, type ResolveInput } from './resolve.js';

/**
 * How a shell goes through the questions: `accept` takes every answer detection (or an answers
 * file) filled and the safe defaults, and asks only the rest and the choices that matter; `all`
 * asks every question, one by one.
 */
export type Walk = 'accept' | 'all';

/** Where an answer taken without asking came from. */
export type TakenFrom = 'flag' | 'file' | 'detected' | 'default';

/** What a shell does with one question, given the answers so far. */
export type Turn =
  /** Not asked at all here (the health check without a port). */
  | { kind: 'skip' }
  /** Answered without asking: a valid flag, or (accepting) a detected answer or safe default. */
  | { kind: 'take'; text: string; source: TakenFrom }
  /** Asked, with the suggested answer; `problem` when a flag gave an answer that does not validate. */
  | { kind: 'ask'; suggested: string; problem: string | null };

/**
 * The one rule every shell follows for a question: skip it, take an answer, or ask it.
 * `answered` is what the user already answered (kept as the suggestion, never a reason to skip).
 */
export function turnFor(question: Question, ctx: QuestionContext, preset: Preset | undefined, walk: Walk, answered?: string): Turn {
  if (!isAsked(question, ctx)) return { kind: 'skip' };
  if (preset?.source === 'flag') {
    const problem = question.validate(preset.text, ctx);
    return problem === null ? { kind: 'take', text: preset.text, source: 'flag' } : { kind: 'ask', suggested: answered ?? preset.text, problem };
  }
  const suggested = answered ?? preset?.text ?? question.default(ctx);
  if (walk === 'accept' && !question.confirm && question.validate(suggested, ctx) === null) {
    if (preset) return { kind: 'take', text: suggested, source: 'file' };
    if (!askedOnAccept(question, ctx)) return { kind: 'take', text: suggested, source: question.filled?.(ctx) ? 'detected' : 'default' };
  }
  return { kind: 'ask', suggested, problem: null };
}

/**
 * The questions in order with what a shell does with each, from the answers so far (and the context
 * it was decided in); asked questions are assumed to keep their suggestion (for previews and
 * progress counts).
 */
export function walkQuestions(
  input: ResolveInput,
  presets: Map<QuestionId, Preset>,
  walk: Walk,
  answered: Partial<Record<QuestionId, string>> = {},
): Array<{ question: Question; turn: Turn; ctx: QuestionContext }> {
  const values = { ...answered };
  const turns: Array<{ question: Question; turn: Turn; ctx: QuestionContext }> = [];
  for (const question of QUESTIONS) {
    const ctx = questionContext(input, { ...values });
    const turn = turnFor(question, ctx, presets.get(question.id), walk, values[question.id]);
    turns.push({ question, turn, ctx });
    if (turn.kind === 'take') values[question.id] = turn.text;
    else if (turn.kind === 'ask') values[question.id] = turn.suggested;
  }
  return turns;
}

/** One of the answers detection gives, as the screen that offers to accept them lists it. */
export interface DetectedRow {
  question: Question;
  /** The answer, or what to show instead when detection could not fill it. */
  text: string;
  /** Detection could not fill it: it is asked. */
  missing: boolean;
  /** Beside the answer: where it came from, or that it is asked all the same (with its warning). */
  note: string;
}

/** What accepting the detected answers at once does, for the screen that offers it. */
export interface AcceptPreview {
  /** Answers repo detection gives, in question order. */
  detected: DetectedRow[];
  /** Settings taken with their safe default (or a flag's value). */
  defaults: Array<{ question: Question; text: string }>;
  /** The questions still asked, in order. */
  asked: Question[];
}

export function acceptPreview(input: ResolveInput, presets: Map<QuestionId, Preset>, answered: Partial<Record<QuestionId, string>> = {}): AcceptPreview {
  const preview: AcceptPreview = { detected: [], defaults: [], asked: [] };
  for (const { question, turn, ctx } of walkQuestions(input, presets, 'accept', answered)) {
    if (turn.kind === 'skip') continue;
    if (turn.kind === 'ask') preview.asked.push(question);
    if (question.filled) preview.detected.push(detectedRow(question, turn, ctx));
    else if (turn.kind === 'take') preview.defaults.push({ question, text: turn.text });
  }
  return preview;
}

function detectedRow(question: Question, turn: Turn, ctx: QuestionContext): DetectedRow {
  if (turn.kind === 'take') return { question, text: turn.text, missing: false, note: sourceNote(turn.source) };
  const suggested = turn.kind === 'ask' ? turn.suggested : '';
  if (!question.filled?.(ctx)) return { question, text: NOT_DETECTED, missing: true, note: '' };
  // Detected, and asked all the same: a flag that does not validate, or a warning (an ended runtime).
  const why = (turn.kind === 'ask' && turn.problem) || question.notice?.(ctx);
  return { question, text: suggested, missing: false, note: why ? ` (asked next: ${why.replace(/\.$/, '')})` : ' (asked next)' };
}

/** `a`, `a and b`, `a, b and c`. */
export function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** What Enter (or yes) does when accepting: `accepts these answers, then asks the base image and the security contact`. */
export function acceptSentence(preview: AcceptPreview): string {
  const asked = preview.asked.map((question) => `the ${question.name}`);
  return asked.length > 0 ? `accepts these answers, then asks ${listed(asked)}` : 'accepts these answers and goes to the review';
}

/** The defaults accepting takes, as one line: `user id 10001 · app folder /app · ...`. */
export function defaultsLine(preview: AcceptPreview): string {
  return preview.defaults.map(({ question, text }) => `${question.name} ${text}`).join(' · ');
}

/** What a detected answer shows beside its value: where it came from when not from detection. */
function sourceNote(source: TakenFrom): string {
  return source === 'flag' ? ' (flag)' : source === 'file' ? ' (answers file)' : source === 'default' ? ' (not found in the code)' : '';
}

/** Shown instead of an answer detection could not fill. */
export const NOT_DETECTED = 'not found: asked next';
