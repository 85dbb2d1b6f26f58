import { existing, noProbeReason, probeUrl, requireImage, splitCommand } from './common.js';
import type { StackInput, StackPlan } from './types.js';

/** The package to build: `go run <pkg>` names it; else the root when it has Go files; else the first cmd/<name>. */
export function goPackage(input: StackInput): string {
  const { words } = splitCommand(input.answers.startCommand, 'startCommand');
  if (words[0] === 'go' && words[1] === 'run' && words[2]) return words[2];
  const files = [...input.files].sort();
  if (files.some((file) => /^[^/]+\.go$/.test(file) && !file.endsWith('_test.go'))) return '.';
  const cmd = files.map((file) => /^cmd\/([^/]+)\/[^/]+\.go$/.exec(file)).find(Boolean);
  return cmd ? `./cmd/${cmd[1]}` : '.';
}

/** Arguments after the binary, when the start command is `./bin/server --flag` or `go run . --flag`. */
function goArguments(input: StackInput): string[] {
  const { words } = splitCommand(input.answers.startCommand, 'startCommand');
  if (words[0] === 'go' && words[1] === 'run') return words.slice(3);
  return words.slice(1);
}

export function planGo(input: StackInput): StackPlan {
  const { answers } = input;
  const notes: string[] = [];
  const flavor = input.base;
  let reason: string;
  let finalImage: string;
  if (flavor === 'scratch') {
    finalImage = 'scratch';
    reason = 'scratch: a static Go binary needs no OS at all; CA certificates are copied in for TLS';
  } else if (flavor === 'alpine') {
    finalImage = requireImage('go', 'final', 'alpine', null, notes, input.today);
    reason = 'alpine: a static Go binary on a small image with a shell, chosen by --base alpine';
  } else {
    if (flavor === 'slim') notes.push('a static Go binary needs no distribution: using distroless static instead of slim');
    finalImage = requireImage('go', 'final', 'distroless', null, notes, input.today);
    reason = 'distroless static: CA certificates, tzdata and /etc/passwd only; a static Go binary needs nothing else';
  }
  const buildImage = requireImage('go', 'build', 'slim', answers.runtimeVersion, notes, input.today);
  const url = probeUrl(input);
  return {
    template: 'go',
    stages: [
      { name: 'build', image: buildImage, reason: 'the Go toolchain: modules are downloaded and the static binary is built here' },
      { name: 'final', image: finalImage, reason },
    ],
    finalFlavor: flavor === 'slim' ? 'distroless' : flavor,
    finalHasShell: flavor === 'alpine',
    slots: {
      manifests: existing(input, ['go.mod', 'go.sum']),
      hasGoSum: input.files.has('go.sum'),
      package: goPackage(input),
      probe: url !== null,
      scratch: flavor === 'scratch',
    },
    copySources: existing(input, ['go.mod', 'go.sum']),
    requiredFiles: [],
    ignore: ['bin', '*.test', '*.out', 'coverage.*'],
    entrypoint: [`${answers.appDir}/server`],
    cmd: goArguments(input),
    probe: url ? ['/usr/local/bin/healthcheck', url] : null,
    noProbeReason: noProbeReason(input, ''),
    runtimeWritable: [],
    env: [],
    notes,
  };
}
