import { existing, noProbeReason, probeUrl, requireImage, scriptFile, splitCommand } from './common.js';
import type { StackInput, StackPlan } from './types.js';

/** Bun apps: language node, package manager bun. */
export function planBun(input: StackInput): StackPlan {
  const { answers } = input;
  const notes: string[] = [];
  let flavor: string = input.base === 'scratch' ? 'distroless' : input.base;
  if (input.base === 'scratch') notes.push('scratch has no bun runtime: using distroless instead');
  const reasons: Record<string, string> = {
    distroless: 'bun distroless: the bun binary on a distroless base (no shell, no package manager)',
    slim: 'bun slim (Debian): bun with a shell, chosen by --base slim',
    alpine: 'bun alpine: small musl-based image with a shell, chosen by --base alpine',
  };
  const finalImage = requireImage('bun', 'final', flavor, '1', notes, input.today);
  const buildImage = flavor === 'alpine' ? finalImage : requireImage('bun', 'build', 'slim', '1', notes, input.today);
  let { env, words } = splitCommand(answers.startCommand, 'startCommand');
  if (words[0] === 'bun' && (words[1] === 'start' || (words[1] === 'run' && words[2] === 'start'))) {
    const script = input.meta.scripts?.start;
    if (script) ({ env, words } = splitCommand(script, 'startCommand'));
  }
  const args = words[0] === 'bun' ? words.slice(1) : words;
  const url = probeUrl(input);
  const bun = flavor === 'distroless' ? '/usr/local/bin/bun' : 'bun';
  return {
    template: 'bun',
    stages: [
      { name: 'build', image: buildImage, reason: 'bun with its package manager: dependencies and the build happen here' },
      { name: 'final', image: finalImage, reason: reasons[flavor] },
    ],
    finalFlavor: flavor,
    finalHasShell: flavor !== 'distroless',
    slots: {
      manifests: existing(input, ['package.json', 'bun.lock', 'bun.lockb']),
      build: answers.buildCommand,
    },
    copySources: existing(input, ['package.json', 'bun.lock', 'bun.lockb']),
    requiredFiles: scriptFile(args),
    ignore: ['**/node_modules', 'coverage', '.cache'],
    entrypoint: [bun],
    cmd: args,
    probe: url ? [bun, '-e', `const r = await fetch('${url}').catch(() => null); process.exit(r && r.ok ? 0 : 1)`] : null,
    noProbeReason: noProbeReason(input, ''),
    runtimeWritable: [],
    env: [['NODE_ENV', 'production'], ...env],
    notes,
  };
}
