// Parses BuildKit's `--progress=plain` output into steps. Pure: lines in, state out.

export type StepStatus = 'running' | 'cached' | 'done' | 'error';

export interface BuildStep {
  /** BuildKit's vertex number (#5). */
  id: number;
  name: string;
  status: StepStatus;
  /** Seconds, as BuildKit reports them when the step ends. */
  elapsed: number | null;
  /** The step's own output, last lines only. */
  log: string[];
  error?: string;
}

export interface BuildProgress {
  steps: BuildStep[];
  /** Lines after `------` error boxes and the final `ERROR:` summary. */
  errors: string[];
}

const LOG_TAIL = 30;

export function emptyProgress(): BuildProgress {
  return { steps: [], errors: [] };
}

/** Whether a step is worth showing: Dockerfile instructions, not BuildKit's internal bookkeeping. */
export function isUserStep(step: BuildStep): boolean {
  return !/^\[internal\]/.test(step.name) && !/^(exporting|writing image|naming to|resolve image config|load metadata)/i.test(step.name);
}

/** Applies one output line; returns the same object, updated. */
export function applyLine(progress: BuildProgress, raw: string): BuildProgress {
  const line = raw.replace(/\r$/, '');
  const match = /^#(\d+) (.*)$/.exec(line);
  if (!match) {
    if (line.trim() !== '' && line.trim() !== '------') progress.errors.push(line);
    return progress;
  }
  const id = Number(match[1]);
  const rest = match[2];
  let step = progress.steps.find((s) => s.id === id);
  if (!step) {
    step = { id, name: rest, status: 'running', elapsed: null, log: [] };
    progress.steps.push(step);
    return progress;
  }
  let m: RegExpExecArray | null;
  if (rest === 'CACHED') {
    step.status = 'cached';
  } else if ((m = /^DONE (\d+(?:\.\d+)?)s$/.exec(rest))) {
    step.status = 'done';
    step.elapsed = Number(m[1]);
  } else if ((m = /^ERROR:? ?(.*)$/.exec(rest))) {
    step.status = 'error';
    step.error = m[1];
  } else if ((m = /^CANCELED/.exec(rest))) {
    step.status = 'error';
    step.error = 'canceled';
  } else {
    // "#5 0.532 npm warn ..." (timestamped output) or "#5 sha256:... done" (transfer lines).
    const text = rest.replace(/^\d+\.\d+ /, '');
    step.log.push(text);
    if (step.log.length > LOG_TAIL) step.log.splice(0, step.log.length - LOG_TAIL);
  }
  return progress;
}

export function parseProgress(text: string): BuildProgress {
  return text.split('\n').reduce(applyLine, emptyProgress());
}

/** The step that failed, if any. */
export function failedStep(progress: BuildProgress): BuildStep | undefined {
  return progress.steps.find((s) => s.status === 'error');
}

/** "[build 2/5] RUN npm ci" -> "2/5"; the counter BuildKit gives Dockerfile steps. */
export function stepCounter(step: BuildStep): string | null {
  return /^\[[^\]]*?(\d+\/\d+)\]/.exec(step.name)?.[1] ?? null;
}
