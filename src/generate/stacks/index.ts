import { planBun } from './bun.js';
import { planDeno } from './deno.js';
import { planDotnet } from './dotnet.js';
import { planElixir } from './elixir.js';
import { planGo } from './go.js';
import { planJvm } from './jvm.js';
import { planNode } from './node.js';
import { planPhp } from './php.js';
import { planPython } from './python.js';
import { planRuby } from './ruby.js';
import { planRust } from './rust.js';
import { planStatic } from './static.js';
import type { StackInput, StackPlan } from './types.js';

export type StackModule = (input: StackInput) => StackPlan;

/** Frameworks whose build output is a static site, served without node. */
const STATIC_FRAMEWORKS = new Set(['vite', 'vite-static', 'gatsby', 'docusaurus', 'eleventy', 'create-react-app']);

/** One entry per language of the answers; a new stack is one module plus one line here. */
export const STACKS: Record<string, StackModule> = {
  node: (input) =>
    input.answers.packageManager === 'bun'
      ? planBun(input)
      : STATIC_FRAMEWORKS.has(input.answers.framework ?? '')
        ? planStatic(input)
        : planNode(input),
  python: planPython,
  go: planGo,
  java: planJvm,
  kotlin: planJvm,
  rust: planRust,
  ruby: planRuby,
  php: planPhp,
  dotnet: planDotnet,
  deno: planDeno,
  elixir: planElixir,
  static: planStatic,
};
