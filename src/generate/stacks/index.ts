import { planGo } from './go.js';
import { planNode } from './node.js';
import { planPython } from './python.js';
import type { StackInput, StackPlan } from './types.js';

export type StackModule = (input: StackInput) => StackPlan;

/** One entry per language of the answers; a new stack is one module plus one line here. */
export const STACKS: Record<string, StackModule> = {
  node: planNode,
  python: planPython,
  go: planGo,
};
