// The wizard's steps in order, for the progress indicator. Kept apart from the reducer so the
// first frame can show the header without loading what the later steps need.
import { STEPS, type StepId } from '../questions/model.js';

export const FLOW: ReadonlyArray<{ id: StepId | 'detect' | 'review' | 'write' | 'next'; title: string }> = [
  { id: 'detect', title: 'Detect' },
  ...STEPS.map((step) => ({ id: step.id, title: step.title })),
  { id: 'review', title: 'Review' },
  { id: 'write', title: 'Write' },
  { id: 'next', title: 'Next steps' },
];

export function flowTitles(): string[] {
  return FLOW.map((step) => step.title);
}

export interface Progress {
  stepIndex: number;
  stepCount: number;
  title: string;
  /** Position within the step's questions, when on a question. */
  question?: { index: number; count: number };
}

/** The progress of the first screen, before anything else is known. */
export const DETECT_PROGRESS: Progress = { stepIndex: 0, stepCount: FLOW.length, title: FLOW[0].title };
