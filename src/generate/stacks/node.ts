import { GenerateError } from '../types.js';
import { existing, firstOf, noProbeReason, probeUrl, requireImage, scriptFile, splitCommand } from './common.js';
import type { StackInput, StackPlan, StagePlan } from './types.js';

interface PackageManagerSteps {
  manifests: string[];
  /** Install everything, dev dependencies included (build stage). */
  installAll: string;
  /** Install production dependencies only. */
  installProd: string;
  /** Drop dev dependencies after a build. */
  prune: string;
  cache: string;
}

function packageManagerSteps(input: StackInput): PackageManagerSteps {
  const pm = input.answers.packageManager;
  if (pm === 'yarn') {
    const berry = input.files.has('.yarnrc.yml');
    const manifests = existing(input, ['package.json', 'yarn.lock', '.yarnrc.yml']);
    if (berry) {
      return {
        manifests,
        installAll: 'corepack enable && yarn install --immutable',
        installProd: 'corepack enable && yarn workspaces focus --all --production',
        prune: 'yarn workspaces focus --all --production',
        cache: '/root/.yarn/berry/cache',
      };
    }
    return {
      manifests,
      installAll: 'corepack enable && yarn install --frozen-lockfile',
      installProd: 'corepack enable && yarn install --frozen-lockfile --production',
      prune: 'yarn install --frozen-lockfile --production --ignore-scripts',
      cache: '/usr/local/share/.cache/yarn',
    };
  }
  if (pm === 'pnpm') {
    return {
      manifests: existing(input, ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', '.npmrc']).filter((f) => f !== '.npmrc'),
      installAll: 'corepack enable && pnpm install --frozen-lockfile',
      installProd: 'corepack enable && pnpm install --frozen-lockfile --prod',
      prune: 'pnpm prune --prod',
      cache: '/root/.local/share/pnpm/store',
    };
  }
  const lock = firstOf(input, ['package-lock.json', 'npm-shrinkwrap.json']);
  const manifests = existing(input, ['package.json']).concat(lock ? [lock] : []);
  return {
    manifests,
    installAll: lock ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund',
    installProd: lock ? 'npm ci --omit=dev --no-audit --no-fund' : 'npm install --omit=dev --no-audit --no-fund',
    prune: 'npm prune --omit=dev --no-audit --no-fund',
    cache: '/root/.npm',
  };
}

const RUNNERS = new Set(['npm', 'yarn', 'pnpm', 'bun']);

/** The node arguments of the start command, following `npm start` to its script once. */
export function nodeArguments(start: string, scripts: Record<string, string> | undefined): { env: Array<[string, string]>; args: string[] } | null {
  let { env, words } = splitCommand(start, 'startCommand');
  if (RUNNERS.has(words[0])) {
    const script = words[1] === 'run' ? words[2] : words[1];
    const body = script ? scripts?.[script] : undefined;
    if (!body) return null;
    const inner = splitCommand(body, 'startCommand');
    env = [...env, ...inner.env];
    words = inner.words;
    if (RUNNERS.has(words[0])) return null;
  }
  if (words[0] === 'node') return { env, args: words.slice(1) };
  if (/^[\w@.-]+$/.test(words[0]) && !words[0].includes('.')) return { env, args: [`node_modules/.bin/${words[0]}`, ...words.slice(1)] };
  return null;
}

const DISTROLESS_REASON = 'distroless nodejs: only node and its libraries (no shell, no package manager), so a break-in has no tools to work with';

export function planNode(input: StackInput): StackPlan {
  const { answers } = input;
  const notes: string[] = [];
  const steps = packageManagerSteps(input);
  if (!steps.manifests.includes('package.json')) {
    throw new GenerateError('language', 'node app without package.json', 'run harden-init in the folder that holds package.json');
  }
  const version = answers.runtimeVersion;
  const resolved = nodeArguments(answers.startCommand, input.meta.scripts);
  let flavor: string = input.base;
  let reason = '';
  if (flavor === 'scratch') {
    notes.push('scratch has no node runtime: using distroless instead');
    flavor = 'distroless';
  }
  if (flavor === 'distroless' && !resolved) {
    flavor = 'slim';
    reason = `node slim: the start command "${answers.startCommand}" needs a package manager or shell, which distroless lacks (start with "node <file>" to use distroless)`;
    notes.push(reason);
  }
  if (flavor === 'distroless') reason = DISTROLESS_REASON;
  if (flavor === 'slim' && !reason) reason = 'node slim (Debian): the smallest glibc image with node and npm, chosen by --base slim';
  if (flavor === 'alpine') reason = 'node alpine: small musl-based image with a shell, chosen by --base alpine';
  const finalImage = requireImage('node', 'final', flavor, version, notes, input.today);
  // Native modules must be compiled against the final image's C library.
  const buildImage = flavor === 'alpine' ? finalImage : requireImage('node', 'build', 'slim', version, notes, input.today);
  const stages: StagePlan[] = [
    { name: 'build', image: buildImage, reason: 'node with npm and the full toolchain: dependencies and the build happen here' },
    { name: 'final', image: finalImage, reason },
  ];
  const nodeBin = flavor === 'distroless' ? '/nodejs/bin/node' : 'node';
  let entrypoint: string[] | null = null;
  let cmd: string[];
  const env: Array<[string, string]> = [['NODE_ENV', 'production']];
  if (resolved) {
    entrypoint = [nodeBin];
    cmd = resolved.args;
    env.push(...resolved.env.filter(([key]) => key !== 'NODE_ENV'));
  } else {
    cmd = splitCommand(answers.startCommand, 'startCommand').words;
    notes.push(`the start command "${answers.startCommand}" runs through a package manager: signals reach it late; prefer "node <file>"`);
  }
  const url = probeUrl(input);
  const probe = url
    ? [nodeBin, '-e', `require('http').get('${url}', (r) => process.exit(r.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))`]
    : null;
  return {
    template: 'node',
    stages,
    finalFlavor: flavor,
    finalHasShell: flavor !== 'distroless',
    slots: {
      manifests: steps.manifests,
      cache: steps.cache,
      install: answers.buildCommand ? steps.installAll : steps.installProd,
      build: answers.buildCommand,
      prune: answers.buildCommand ? steps.prune : null,
      corepack: answers.packageManager === 'yarn' || answers.packageManager === 'pnpm',
    },
    copySources: steps.manifests,
    // Built entry points (dist/, .output/) are made inside the image, not copied from the context.
    requiredFiles: resolved && !answers.buildCommand ? scriptFile(resolved.args) : [],
    ignore: ['**/node_modules', '.npm', '.yarn/cache', '.pnpm-store', 'coverage', '.next', '.nuxt', '.output', '.svelte-kit', '.astro', '.turbo', '.cache'],
    entrypoint,
    cmd,
    probe,
    noProbeReason: noProbeReason(input, ''),
    runtimeWritable: [],
    env,
    notes,
  };
}
