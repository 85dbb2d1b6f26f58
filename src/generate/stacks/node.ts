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
  /** Cache mount targets of the install step. */
  caches: string[];
}

/** Whether a Yarn 2+ project installs with Plug'n'Play (the default when .yarnrc.yml names no other nodeLinker). */
export function pnpLinker(yarnrc: string | undefined): boolean {
  const linker = /^nodeLinker:\s*["']?([\w-]+)/m.exec(yarnrc ?? '')?.[1];
  return linker === undefined || linker === 'pnp';
}

/** Versions installed when package.json's `packageManager` names none. */
const DEFAULT_VERSIONS = { pnpm: '10', yarn: '1.22.22', berry: '4' };

/**
 * The package manager itself, from the npm registry with npm's integrity check. Not Corepack: it
 * leaves Node from version 25, and it refuses registries (mirrors) that serve no npm signatures.
 */
export function packageManagerInstall(pm: 'pnpm' | 'yarn', berry: boolean, declared: string | undefined): string {
  const field = declared && /^(pnpm|yarn)@(\d[\w.-]*)/.exec(declared);
  const version = field && field[1] === pm ? field[2] : pm === 'pnpm' ? DEFAULT_VERSIONS.pnpm : berry ? DEFAULT_VERSIONS.berry : DEFAULT_VERSIONS.yarn;
  const spec = pm === 'pnpm' ? `pnpm@${version}` : berry ? `@yarnpkg/cli-dist@${version}` : `yarn@${version}`;
  // --force: node images up to 22 ship yarn 1 in /usr/local/bin, which this replaces.
  return `npm install --global --no-audit --no-fund${pm === 'yarn' ? ' --force' : ''} ${spec}`;
}

function packageManagerSteps(input: StackInput): PackageManagerSteps {
  const pm = input.answers.packageManager;
  const declared = input.meta.packageManager;
  if (pm === 'yarn') {
    const berry = input.files.has('.yarnrc.yml') || /^yarn@([2-9]|\d\d)/.test(declared ?? '');
    const manifests = existing(input, ['package.json', 'yarn.lock', '.yarnrc.yml']);
    const yarn = packageManagerInstall('yarn', berry, declared);
    if (berry) {
      // Plug'n'Play needs Yarn's loader and its zip cache at run time; node_modules needs neither.
      const linker = pnpLinker(input.meta.texts?.['.yarnrc.yml']) ? 'export YARN_NODE_LINKER=node-modules && ' : '';
      return {
        manifests,
        installAll: `${yarn} && ${linker}yarn install --immutable`,
        installProd: `${yarn} && ${linker}yarn workspaces focus --all --production`,
        prune: `${linker}yarn workspaces focus --all --production`,
        caches: ['/root/.npm', '/root/.yarn/berry/cache'],
      };
    }
    return {
      manifests,
      installAll: `${yarn} && yarn install --frozen-lockfile`,
      installProd: `${yarn} && yarn install --frozen-lockfile --production`,
      prune: 'yarn install --frozen-lockfile --production --ignore-scripts',
      caches: ['/root/.npm', '/usr/local/share/.cache/yarn'],
    };
  }
  if (pm === 'pnpm') {
    const pnpm = packageManagerInstall('pnpm', false, declared);
    return {
      manifests: existing(input, ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml']),
      installAll: `${pnpm} && pnpm install --frozen-lockfile`,
      installProd: `${pnpm} && pnpm install --frozen-lockfile --prod`,
      prune: 'pnpm prune --prod',
      caches: ['/root/.npm', '/root/.local/share/pnpm/store'],
    };
  }
  const lock = firstOf(input, ['package-lock.json', 'npm-shrinkwrap.json']);
  const manifests = existing(input, ['package.json']).concat(lock ? [lock] : []);
  return {
    manifests,
    installAll: lock ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund',
    installProd: lock ? 'npm ci --omit=dev --no-audit --no-fund' : 'npm install --omit=dev --no-audit --no-fund',
    prune: 'npm prune --omit=dev --no-audit --no-fund',
    caches: ['/root/.npm'],
  };
}

/**
 * A pnpm workspace app, built from the workspace root: the lockfile alone fetches the packages
 * (cached layer), then only the app and the workspace packages it depends on are installed.
 */
function workspaceSteps(input: StackInput, app: string): { fetch: string; install: string; build: string | null; prune: string | null; manifests: string[]; caches: string[] } {
  const pnpm = packageManagerInstall('pnpm', false, input.meta.packageManager);
  const filter = `--filter ./${app}...`;
  const build = input.answers.buildCommand;
  return {
    manifests: existing(input, ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml']),
    fetch: `${pnpm} && pnpm fetch${build ? '' : ' --prod'}`,
    install: `pnpm install --frozen-lockfile --offline ${filter}${build ? '' : ' --prod'}`,
    build: build ? `pnpm ${filter} run ${/^pnpm (?:run )?([\w:-]+)$/.exec(build)?.[1] ?? 'build'}` : null,
    prune: build ? `pnpm install --frozen-lockfile --offline ${filter} --prod` : null,
    caches: ['/root/.npm', '/root/.local/share/pnpm/store'],
  };
}

/** Whether next.config.* asks for the self-contained server (`output: 'standalone'`). */
export function nextStandalone(texts: Record<string, string> | undefined): boolean {
  return ['js', 'mjs', 'cjs', 'ts'].some((ext) => /\boutput\s*:\s*['"`]standalone['"`]/.test(texts?.[`next.config.${ext}`] ?? ''));
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
  const app = input.workspaceApp;
  const steps = packageManagerSteps(input);
  if (!steps.manifests.includes('package.json')) {
    throw new GenerateError('language', 'node app without package.json', 'run harden-init in the folder that holds package.json');
  }
  if (app && answers.packageManager !== 'pnpm') {
    throw new GenerateError('packageManager', `a pnpm workspace app installed with ${answers.packageManager}`, 'answer pnpm (the workspace declares pnpm-workspace.yaml)');
  }
  const version = answers.runtimeVersion;
  let resolved = nodeArguments(answers.startCommand, input.meta.scripts);
  // `next start` of an `output: 'standalone'` build: the traced server.js runs without next's CLI or the full node_modules.
  // (In a workspace, standalone nests the app's path under .next/standalone: the app then keeps next start.)
  const standalone = !app && answers.framework === 'next' && answers.buildCommand !== null && nextStandalone(input.meta.texts) && resolved?.args[0] === 'node_modules/.bin/next' && resolved.args[1] === 'start';
  if (standalone && resolved) {
    // Docker sets HOSTNAME to the container id; the server would listen on that address only.
    const env: Array<[string, string]> = [['HOSTNAME', '0.0.0.0'], ...(answers.port !== null ? [['PORT', String(answers.port)] as [string, string]] : [])];
    resolved = { env: [...resolved.env, ...env], args: ['server.js'] };
    notes.push("next.config output 'standalone': the final image holds .next/standalone (server.js and the node_modules it traced), .next/static and public/, and runs node server.js");
  }
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
  const dir = answers.appDir;
  const workspace = app ? workspaceSteps(input, app) : null;
  const copies: Array<[string, string]> | null = standalone
    ? [
        [`${dir}/.next/standalone`, dir],
        [`${dir}/.next/static`, `${dir}/.next/static`],
        ...(input.files.has('public') || [...input.files].some((file) => file.startsWith('public/')) ? [[`${dir}/public`, `${dir}/public`] as [string, string]] : []),
      ]
    : null;
  const required = resolved && !answers.buildCommand ? scriptFile(resolved.args) : [];
  return {
    template: 'node',
    stages,
    finalFlavor: flavor,
    finalHasShell: flavor !== 'distroless',
    slots: {
      manifests: workspace ? workspace.manifests : steps.manifests,
      cacheMounts: (workspace ? workspace.caches : steps.caches).map((target) => `--mount=type=cache,target=${target}`).join(' '),
      // The workspace's production install after the build reads the fetched store again.
      buildMounts: workspace ? '--mount=type=cache,target=/root/.local/share/pnpm/store' : '',
      fetch: workspace?.fetch ?? null,
      install: workspace ? workspace.install : answers.buildCommand ? steps.installAll : steps.installProd,
      build: workspace ? workspace.build : answers.buildCommand,
      // The standalone server carries its own traced node_modules: nothing to prune.
      prune: workspace ? workspace.prune : answers.buildCommand && !standalone ? steps.prune : null,
      copies,
      workdir: app ? `${dir}/${app}` : dir,
    },
    copySources: workspace ? workspace.manifests : steps.manifests,
    // Built entry points (dist/, .output/) are made inside the image, not copied from the context.
    requiredFiles: app ? required.map((file) => `${app}/${file}`) : required,
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
