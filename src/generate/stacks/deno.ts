import { existing, noProbeReason, probeUrl, requireImage, scriptFile, splitCommand } from './common.js';
import type { StackInput, StackPlan } from './types.js';

export function planDeno(input: StackInput): StackPlan {
  const { answers } = input;
  const notes: string[] = [];
  let flavor: string = input.base;
  if (flavor === 'scratch') {
    notes.push('scratch has no deno runtime: using distroless instead');
    flavor = 'distroless';
  }
  const reasons: Record<string, string> = {
    distroless: 'deno distroless: the deno binary on a distroless base (no shell, no package manager)',
    slim: 'deno (Debian): deno with a shell, chosen by --base slim',
    alpine: 'deno alpine: small image with a shell, chosen by --base alpine',
  };
  const { env, words } = splitCommand(answers.startCommand, 'startCommand');
  const args = words[0] === 'deno' ? words.slice(1) : ['run', ...words];
  const entry = scriptFile(args)[0] ?? firstExisting(input, ['main.ts', 'server.ts', 'mod.ts', 'main.js']);
  const url = probeUrl(input);
  return {
    template: 'deno',
    stages: [
      { name: 'build', image: requireImage('deno', 'build', 'slim', null, notes, input.today), reason: 'deno with a shell: modules are downloaded and type-checked here' },
      { name: 'final', image: requireImage('deno', 'final', flavor, null, notes, input.today), reason: reasons[flavor] },
    ],
    finalFlavor: flavor,
    finalHasShell: flavor !== 'distroless',
    slots: { manifests: existing(input, ['deno.json', 'deno.jsonc', 'deno.lock', 'package.json']), entry },
    copySources: existing(input, ['deno.json', 'deno.jsonc', 'deno.lock', 'package.json']),
    requiredFiles: entry ? [entry] : [],
    ignore: ['**/node_modules', '.deno'],
    entrypoint: ['deno'],
    cmd: args,
    probe: url ? ['deno', 'eval', `const r = await fetch('${url}').catch(() => null); Deno.exit(r?.ok ? 0 : 1)`] : null,
    noProbeReason: noProbeReason(input, ''),
    runtimeWritable: [],
    env: [['DENO_DIR', '/deno-dir'], ['DENO_NO_UPDATE_CHECK', '1'], ...env],
    notes,
  };
}

function firstExisting(input: StackInput, paths: string[]): string | null {
  return paths.find((path) => input.files.has(path)) ?? null;
}
