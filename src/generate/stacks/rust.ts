import { existing, noProbeReason, requireImage, splitCommand } from './common.js';
import type { StackInput, StackPlan } from './types.js';

/** The binary to ship: the crate name from Cargo.toml, else the last path part of the start command. */
function binaryName(input: StackInput): string {
  if (input.meta.name) return input.meta.name;
  const { words } = splitCommand(input.answers.startCommand, 'startCommand');
  if (words[0] === 'cargo') return 'app';
  return words[0].split('/').pop() || 'app';
}

export function planRust(input: StackInput): StackPlan {
  const { answers } = input;
  const notes: string[] = [];
  const flavor = input.base;
  const staticBinary = flavor === 'scratch' || flavor === 'alpine';
  let finalImage: string;
  let reason: string;
  if (flavor === 'scratch') {
    finalImage = 'scratch';
    reason = 'scratch: a statically linked binary needs no OS; CA certificates are copied in for TLS';
  } else if (flavor === 'alpine') {
    finalImage = requireImage('any', 'final', 'alpine', null, notes, input.today);
    reason = 'alpine: a statically linked binary on a small image with a shell, chosen by --base alpine';
  } else {
    if (flavor === 'slim') notes.push('a Rust binary needs only glibc: using distroless cc instead of slim');
    finalImage = requireImage('rust', 'final', 'distroless', null, notes, input.today);
    reason = 'distroless cc: glibc, libgcc and CA certificates only, what a Rust binary links against';
  }
  const name = binaryName(input);
  const { words } = splitCommand(answers.startCommand, 'startCommand');
  const args = words[0] === 'cargo' ? words.slice(words.indexOf('--') + 1 || words.length) : words.slice(1);
  return {
    template: 'rust',
    stages: [
      { name: 'build', image: requireImage('rust', 'build', 'slim', null, notes, input.today), reason: 'the Rust toolchain: crates are fetched and the release binary is built here' },
      { name: 'final', image: finalImage, reason },
    ],
    finalFlavor: flavor === 'slim' ? 'distroless' : flavor,
    finalHasShell: flavor === 'alpine',
    slots: {
      manifests: existing(input, ['Cargo.toml', 'Cargo.lock']),
      locked: input.files.has('Cargo.lock') ? ' --locked' : '',
      name,
      staticBinary,
      scratch: flavor === 'scratch',
    },
    copySources: existing(input, ['Cargo.toml', 'Cargo.lock']),
    requiredFiles: [],
    ignore: ['target', '**/*.rs.bk'],
    entrypoint: [`${answers.appDir}/${name}`],
    cmd: args,
    probe: null,
    noProbeReason: noProbeReason(input, 'No HEALTHCHECK: the image has no shell or HTTP client to probe with; use the orchestrator\'s HTTP probe.'),
    runtimeWritable: [],
    env: [],
    notes,
  };
}
