// The wizard's state and navigation as a pure reducer: every key press is an action,
// so the whole flow is tested without rendering anything.
import type { Detection } from '../detect/types.js';
import { defaultImageTag } from '../docker/image-tag.js';
import type { Answers } from '../questions/answers.js';
import { QUESTIONS, STEPS, isAsked, normalizeAnswer, questionById, type Choice, type Question, type QuestionId, type StepId } from '../questions/model.js';
import { AnswerError, buildAnswers, presetAnswers, questionContext, type Preset, type ResolveInput } from '../questions/resolve.js';
import { applyAccepted } from '../retrofit/series.js';
import type { WriteStatus } from '../write/apply.js';
import type { PlannedWrite } from '../write/plan.js';
import type { Prepared, QuestionDefaults, RetrofitChoice } from './actions.js';
import type { FooterContext } from './keys.js';
import { finalBaseNote } from '../generate/notes.js';

export type Screen =
  | { kind: 'detect' }
  | { kind: 'question'; id: QuestionId }
  | { kind: 'review' }
  | { kind: 'write' }
  | { kind: 'next' };

export type ScreenKind = Screen['kind'];

export interface Draft {
  text: string;
  /** True until the user types: the first printable key replaces the suggested text. */
  pristine: boolean;
  /** Highlighted choice of a select question. */
  choice: number;
}

export type Phase<T> = { status: 'idle' } | { status: 'running' } | { status: 'done'; value: T } | { status: 'failed'; message: string };

export const NEXT_OFFERS = [
  { id: 'lint', label: 'Lint the Dockerfile' },
  { id: 'build', label: 'Build the image' },
  { id: 'scan', label: 'Scan the built image' },
  { id: 'fix', label: 'Fix what lint, audit and scan found' },
  { id: 'ci', label: 'Write a CI workflow that builds, scans and signs the image' },
  { id: 'done', label: 'Done for now' },
] as const;

export type NextOffer = (typeof NEXT_OFFERS)[number]['id'];

/** The two ways to apply a retrofit, for the wizard and the plain prompts alike. */
export const RETROFIT_MODES = [
  { id: 'rewrite', label: 'Full rewrite', hint: 'the hardened Dockerfile, merged with what yours does on purpose' },
  { id: 'patches', label: 'Patch series', hint: 'your Dockerfile with finding-by-finding fixes; accept or reject each hunk' },
] as const;

export type RetrofitMode = (typeof RETROFIT_MODES)[number]['id'];

/** How the user applies a retrofit: the mode, and in the patch series the hunk in focus and the accepted ones. */
export interface RetrofitReview {
  mode: RetrofitMode;
  /** `patches`: the hunk list is on screen; `files`: the file list. */
  view: 'files' | 'patches';
  index: number;
  accepted: Set<string>;
}

const freshRetrofit = (prepared?: Prepared): RetrofitReview => ({ mode: 'rewrite', view: 'files', index: 0, accepted: new Set(prepared?.retrofit?.patches.map((p) => p.id) ?? []) });

/** The Dockerfile text the chosen way of applying gives. */
export function retrofitContent(choice: RetrofitChoice, review: Pick<RetrofitReview, 'mode' | 'accepted'>): string {
  return review.mode === 'patches' ? applyAccepted(choice.original, choice.patches, review.accepted) : choice.rewrite;
}

/** What the footer needs to know of the review: files to replace, a patch series on screen. */
export function footerOf(state: WizardState): FooterContext {
  if (state.prepared.status !== 'done') return { replaces: false, hunks: false };
  const hunks = Boolean(state.prepared.value.retrofit) && state.retrofit.view === 'patches';
  return { replaces: hunks || planToWrite(state.prepared.value, state.retrofit).some((entry) => entry.action === 'conflict'), hunks };
}

/** The notes a review shows beside its list of bases: none that repeats a listed base's reason. */
export function reviewNotes(prepared: Pick<Prepared, 'notes' | 'baseImages'>): string[] {
  const repeated = new Set(prepared.baseImages.map((base) => finalBaseNote(base.reason)));
  return prepared.notes.filter((note) => !repeated.has(note));
}

/** The plan to write: in the patch series, the Dockerfile is the existing file with the accepted hunks. */
export function planToWrite(prepared: Prepared, review: Pick<RetrofitReview, 'mode' | 'accepted'>): PlannedWrite[] {
  const choice = prepared.retrofit;
  if (!choice || review.mode === 'rewrite') return prepared.plan;
  const content = retrofitContent(choice, review);
  const entry = prepared.plan.find((e) => e.path === choice.path);
  const existing = entry ? entry.existing : choice.original;
  const planned: PlannedWrite = { path: choice.path, content, existing, action: existing === null ? 'create' : existing === content ? 'identical' : 'conflict' };
  return entry ? prepared.plan.map((e) => (e === entry ? planned : e)) : [planned, ...prepared.plan];
}

/**
 * The harden-init command line an offer hands over to (empty for "done"). Build and scan name the
 * same image tag, so "scan" finds what "build" made.
 */
export function offerArgs(offer: NextOffer, app: string, title?: string): string[] {
  const dir = app === '.' ? '.' : app;
  const dockerfile = app === '.' ? 'Dockerfile' : `${app}/Dockerfile`;
  const tag = defaultImageTag(title ?? (app === '.' ? 'app' : app.split('/').filter(Boolean).pop() ?? 'app'));
  switch (offer) {
    case 'lint':
      return ['lint', dockerfile];
    case 'build':
      return ['build', dir, '--tag', tag, '--run'];
    case 'scan':
      return ['scan', tag, '--file', dockerfile];
    case 'fix':
      return ['fix', dir];
    case 'ci':
      return ['ci', dir, '--github'];
    case 'done':
      return [];
  }
}

export interface WizardState {
  input: ResolveInput;
  detection: Phase<Detection>;
  presets: Map<QuestionId, Preset>;
  /** Screens visited, the current one last; Esc pops. */
  history: Screen[];
  /** Accepted answers as text (kept when going back). */
  values: Partial<Record<QuestionId, string>>;
  draft: Draft;
  error: string | null;
  help: boolean;
  answers: Answers | null;
  prepared: Phase<Prepared>;
  /** Selected file in the review, and conflicting files the user keeps as they are. */
  reviewIndex: number;
  keep: Set<string>;
  /** How an existing Dockerfile is applied (when the review retrofits one). */
  retrofit: RetrofitReview;
  written: Phase<WriteStatus[]>;
  progress: WriteStatus[];
  nextIndex: number;
  /** Set when the wizard is over. */
  exit: null | { kind: 'cancelled' } | { kind: 'done'; handOver: string[] | null };
}

export type WizardAction =
  | { type: 'detected'; detection: Detection; defaults: QuestionDefaults }
  | { type: 'detectFailed'; message: string }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'clear' }
  | { type: 'move'; delta: number }
  | { type: 'toggle' }
  | { type: 'retrofitMode'; mode: RetrofitMode }
  | { type: 'accept'; accept: boolean }
  | { type: 'submit' }
  | { type: 'back' }
  | { type: 'help' }
  | { type: 'quit' }
  | { type: 'prepared'; prepared: Prepared }
  | { type: 'prepareFailed'; message: string }
  | { type: 'status'; status: WriteStatus }
  | { type: 'written'; statuses: WriteStatus[] }
  | { type: 'writeFailed'; message: string };

export function initialState(input: ResolveInput): WizardState {
  return {
    input,
    detection: { status: 'running' },
    presets: presetAnswers(input),
    history: [{ kind: 'detect' }],
    values: {},
    draft: { text: '', pristine: true, choice: 0 },
    error: null,
    help: false,
    answers: null,
    prepared: { status: 'idle' },
    reviewIndex: 0,
    keep: new Set(),
    retrofit: freshRetrofit(),
    written: { status: 'idle' },
    progress: [],
    nextIndex: 0,
    exit: null,
  };
}

export function currentScreen(state: WizardState): Screen {
  return state.history[state.history.length - 1];
}

export function contextOf(state: WizardState) {
  return questionContext(state.input, state.values);
}

export function choicesOf(state: WizardState, question: Question): Choice[] {
  return question.choices ? question.choices(contextOf(state)) : [];
}

/** The question's warning for the answers so far (an ended runtime version), or null. */
export function noticeOf(state: WizardState, question: Question): string | null {
  return question.notice ? question.notice(contextOf(state)) : null;
}

/** A flag answer that validates skips its question; an invalid one is asked, showing the problem. */
function presetProblem(state: WizardState, question: Question): string | null {
  const preset = state.presets.get(question.id);
  if (!preset || preset.source !== 'flag') return null;
  return question.validate(normalizeAnswer(question, preset.text), contextOf(state));
}

function skippedByFlag(state: WizardState, question: Question): boolean {
  const preset = state.presets.get(question.id);
  return Boolean(preset && preset.source === 'flag' && presetProblem(state, question) === null);
}

/** The next question to ask after `after` (or from the start); flag answers it passes are recorded. */
function nextQuestion(state: WizardState, after: QuestionId | null): { question: Question | null; values: WizardState['values'] } {
  const values = { ...state.values };
  const scratch = { ...state, values };
  const start = after === null ? 0 : QUESTIONS.findIndex((q) => q.id === after) + 1;
  for (const question of QUESTIONS.slice(start)) {
    if (!isAsked(question, contextOf(scratch))) continue;
    if (skippedByFlag(scratch, question)) {
      values[question.id] = normalizeAnswer(question, state.presets.get(question.id)!.text);
      continue;
    }
    return { question, values };
  }
  return { question: null, values };
}

/** The questions the wizard will ask, given the answers so far (for the progress indicator). */
export function plannedQuestions(state: WizardState): Question[] {
  const values = { ...state.values };
  const asked: Question[] = [];
  for (const question of QUESTIONS) {
    const ctx = questionContext(state.input, values);
    if (!isAsked(question, ctx)) continue;
    if (skippedByFlag({ ...state, values }, question)) {
      values[question.id] = normalizeAnswer(question, state.presets.get(question.id)!.text);
      continue;
    }
    asked.push(question);
    if (values[question.id] === undefined) values[question.id] = question.default(ctx);
  }
  return asked;
}

function draftFor(state: WizardState, question: Question): Draft {
  const ctx = contextOf(state);
  const preset = state.presets.get(question.id);
  const text = state.values[question.id] ?? (preset ? normalizeAnswer(question, preset.text) : question.default(ctx));
  const choices = question.choices ? question.choices(ctx) : [];
  const found = choices.findIndex((choice) => choice.value === text);
  return { text, pristine: true, choice: found >= 0 ? found : 0 };
}

function enter(state: WizardState, screen: Screen): WizardState {
  const next: WizardState = { ...state, history: [...state.history, screen], error: null, help: false };
  if (screen.kind === 'question') {
    const question = questionById(screen.id);
    next.draft = draftFor(next, question);
    next.error = presetProblem(next, question);
    if (next.error) next.draft = { ...next.draft, pristine: false };
  }
  return next;
}

function toReview(state: WizardState): WizardState {
  try {
    const answers = buildAnswers(state.input, state.values);
    return { ...enter(state, { kind: 'review' }), answers, prepared: { status: 'running' }, reviewIndex: 0, keep: new Set(), retrofit: freshRetrofit() };
  } catch (error) {
    const message = error instanceof AnswerError ? `${error.field} ${error.problem}` : String(error);
    return { ...state, error: message };
  }
}

function advanceFromQuestion(state: WizardState, id: QuestionId | null): WizardState {
  const { question, values } = nextQuestion(state, id);
  const next = { ...state, values };
  return question ? enter(next, { kind: 'question', id: question.id }) : toReview(next);
}

function submitQuestion(state: WizardState, question: Question): WizardState {
  const ctx = contextOf(state);
  const choices = question.choices ? question.choices(ctx) : [];
  const raw = question.kind === 'select' && choices.length > 0 ? choices[state.draft.choice]?.value ?? '' : state.draft.text;
  const text = normalizeAnswer(question, raw);
  const problem = question.validate(text, ctx);
  if (problem) return { ...state, error: problem };
  const values = { ...state.values, [question.id]: text };
  // A changed language or app invalidates answers whose defaults came from it.
  if (question.id === 'language' && state.values.language !== undefined && state.values.language !== text) {
    delete values.packageManager;
    delete values.runtimeVersion;
    delete values.startCommand;
    delete values.base;
  }
  if (question.id === 'app' && state.values.app !== undefined && state.values.app !== text) {
    for (const key of Object.keys(values) as QuestionId[]) if (key !== 'app') delete values[key];
  }
  return advanceFromQuestion({ ...state, values }, question.id);
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  if (state.exit) return state;
  const screen = currentScreen(state);
  switch (action.type) {
    case 'quit':
      return { ...state, exit: { kind: 'cancelled' } };
    case 'detected': {
      const input: ResolveInput = {
        ...state.input,
        detection: action.detection,
        metadata: action.defaults.metadata,
        gitEmail: action.defaults.gitEmail,
        suggestedSecrets: action.defaults.suggestedSecrets,
      };
      return { ...state, input, detection: { status: 'done', value: action.detection } };
    }
    case 'detectFailed':
      return { ...state, detection: { status: 'failed', message: action.message } };
    case 'help':
      return screen.kind === 'question' ? { ...state, help: !state.help } : state;
    case 'type': {
      if (screen.kind !== 'question' || questionById(screen.id).kind !== 'text') return state;
      const text = state.draft.pristine ? action.text : state.draft.text + action.text;
      return { ...state, draft: { ...state.draft, text, pristine: false }, error: null };
    }
    case 'erase':
      if (screen.kind !== 'question') return state;
      return { ...state, draft: { ...state.draft, text: state.draft.text.slice(0, -1), pristine: false }, error: null };
    case 'clear':
      if (screen.kind !== 'question') return state;
      return { ...state, draft: { ...state.draft, text: '', pristine: false }, error: null };
    case 'move': {
      if (screen.kind === 'question') {
        const question = questionById(screen.id);
        const count = choicesOf(state, question).length;
        if (question.kind !== 'select' || count === 0) return state;
        return { ...state, draft: { ...state.draft, choice: (state.draft.choice + action.delta + count) % count }, error: null };
      }
      if (screen.kind === 'review' && state.prepared.status === 'done' && state.retrofit.view === 'patches') {
        const count = state.prepared.value.retrofit?.patches.length ?? 0;
        return count === 0 ? state : { ...state, retrofit: { ...state.retrofit, index: (state.retrofit.index + action.delta + count) % count } };
      }
      if (screen.kind === 'review' && state.prepared.status === 'done') {
        const count = planToWrite(state.prepared.value, state.retrofit).length;
        return count === 0 ? state : { ...state, reviewIndex: (state.reviewIndex + action.delta + count) % count };
      }
      if (screen.kind === 'next') {
        const count = NEXT_OFFERS.length;
        return { ...state, nextIndex: (state.nextIndex + action.delta + count) % count };
      }
      return state;
    }
    case 'retrofitMode': {
      if (screen.kind !== 'review' || state.prepared.status !== 'done' || !state.prepared.value.retrofit) return state;
      const view = action.mode === 'patches' ? 'patches' : 'files';
      return { ...state, retrofit: { ...state.retrofit, mode: action.mode, view } };
    }
    case 'accept': {
      const hunk = currentHunk(state);
      if (!hunk) return state;
      const accepted = new Set(state.retrofit.accepted);
      if (action.accept) accepted.add(hunk.id);
      else accepted.delete(hunk.id);
      // y/n decides and moves on to the next hunk, so a series is reviewed one key per hunk.
      const count = state.prepared.status === 'done' ? state.prepared.value.retrofit?.patches.length ?? 1 : 1;
      return { ...state, retrofit: { ...state.retrofit, accepted, index: Math.min(state.retrofit.index + 1, count - 1) } };
    }
    case 'toggle': {
      const hunk = currentHunk(state);
      if (hunk) {
        const accepted = new Set(state.retrofit.accepted);
        if (accepted.has(hunk.id)) accepted.delete(hunk.id);
        else accepted.add(hunk.id);
        return { ...state, retrofit: { ...state.retrofit, accepted } };
      }
      if (screen.kind !== 'review' || state.prepared.status !== 'done') return state;
      const entry = planToWrite(state.prepared.value, state.retrofit)[state.reviewIndex];
      if (!entry || entry.action !== 'conflict') return state;
      const keep = new Set(state.keep);
      if (keep.has(entry.path)) keep.delete(entry.path);
      else keep.add(entry.path);
      return { ...state, keep };
    }
    case 'submit':
      switch (screen.kind) {
        case 'detect':
          return state.detection.status === 'running' ? state : advanceFromQuestion(state, null);
        case 'question':
          return submitQuestion(state, questionById(screen.id));
        case 'review': {
          if (state.prepared.status !== 'done') return state;
          // The write step writes the plan as reviewed: in the patch series, the accepted hunks.
          const prepared = { ...state.prepared.value, plan: planToWrite(state.prepared.value, state.retrofit) };
          return { ...enter({ ...state, prepared: { status: 'done', value: prepared } }, { kind: 'write' }), written: { status: 'running' }, progress: [] };
        }
        case 'write':
          return state.written.status === 'done' ? enter(state, { kind: 'next' }) : state.written.status === 'failed' ? { ...state, exit: { kind: 'done', handOver: null } } : state;
        case 'next': {
          const args = offerArgs(NEXT_OFFERS[state.nextIndex].id, state.answers?.app ?? '.', state.answers?.image.title);
          return { ...state, exit: { kind: 'done', handOver: args.length > 0 ? args : null } };
        }
      }
      return state;
    case 'back': {
      // Nothing to go back to once files are written.
      if (state.history.length <= 1 || screen.kind === 'write' || screen.kind === 'next') return state;
      // From the hunk list, Esc goes back to the file list (the choices are kept).
      if (screen.kind === 'review' && state.retrofit.view === 'patches') return { ...state, retrofit: { ...state.retrofit, view: 'files' } };
      const history = state.history.slice(0, -1);
      const previous = history[history.length - 1];
      const next: WizardState = { ...state, history, error: null, help: false };
      if (previous.kind === 'question') next.draft = draftFor(next, questionById(previous.id));
      if (screen.kind === 'review') next.prepared = { status: 'idle' };
      return next;
    }
    case 'prepared':
      return screen.kind === 'review' ? { ...state, prepared: { status: 'done', value: action.prepared }, retrofit: freshRetrofit(action.prepared), keep: new Set(action.prepared.keep ?? []) } : state;
    case 'prepareFailed':
      return screen.kind === 'review' ? { ...state, prepared: { status: 'failed', message: action.message } } : state;
    case 'status':
      return { ...state, progress: [...state.progress, action.status] };
    case 'written':
      return { ...state, written: { status: 'done', value: action.statuses } };
    case 'writeFailed':
      return { ...state, written: { status: 'failed', message: action.message } };
  }
}

/** The hunk in focus when the hunk list is on screen. */
export function currentHunk(state: WizardState) {
  if (currentScreen(state).kind !== 'review' || state.prepared.status !== 'done' || state.retrofit.view !== 'patches') return null;
  return state.prepared.value.retrofit?.patches[state.retrofit.index] ?? null;
}

export interface Progress {
  stepIndex: number;
  stepCount: number;
  title: string;
  /** Position within the step's questions, when on a question. */
  question?: { index: number; count: number };
}

const FLOW: Array<{ id: StepId | 'detect' | 'review' | 'write' | 'next'; title: string }> = [
  { id: 'detect', title: 'Detect' },
  ...STEPS.map((step) => ({ id: step.id, title: step.title })),
  { id: 'review', title: 'Review' },
  { id: 'write', title: 'Write' },
  { id: 'next', title: 'Next steps' },
];

export function flowTitles(): string[] {
  return FLOW.map((step) => step.title);
}

export function progressOf(state: WizardState): Progress {
  const screen = currentScreen(state);
  const id = screen.kind === 'question' ? questionById(screen.id).step : screen.kind;
  const stepIndex = FLOW.findIndex((step) => step.id === id);
  const progress: Progress = { stepIndex, stepCount: FLOW.length, title: FLOW[stepIndex].title };
  if (screen.kind === 'question') {
    const inStep = plannedQuestions(state).filter((q) => q.step === id);
    progress.question = { index: Math.max(0, inStep.findIndex((q) => q.id === screen.id)), count: inStep.length };
  }
  return progress;
}
