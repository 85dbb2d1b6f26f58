import { Findings, firstLineSource, miseSources, pinnedVersion, portInCommand, portInFiles, procfileWeb, toolVersionsSource, type Detector, type VersionSource } from './stack.js';
import type { PackageManager } from './types.js';
import { obj, str, type AppView, type Obj } from './view.js';

/** Node release codenames, for `.nvmrc` values like `lts/iron`. */
const LTS_CODENAMES: Record<string, string> = {
  argon: '4', boron: '6', carbon: '8', dubnium: '10', erbium: '12', fermium: '14', gallium: '16', hydrogen: '18', iron: '20', jod: '22', krypton: '24',
};
/** `lts/*`: any LTS line; the version chooser takes the newest supported one with a base image. */
const ANY_LTS = '>=4';

/** Frameworks by dependency, most specific first: a Next app also depends on React, a Nest app on Express. */
const FRAMEWORKS: Array<[string, string[]]> = [
  ['next', ['next']],
  ['nuxt', ['nuxt', 'nuxt3']],
  ['remix', ['@remix-run/node', '@remix-run/serve', '@remix-run/dev', '@remix-run/react']],
  ['react-router', ['@react-router/dev', '@react-router/node', '@react-router/serve']],
  ['tanstack-start', ['@tanstack/react-start', '@tanstack/start', '@tanstack/solid-start']],
  ['astro', ['astro']],
  ['sveltekit', ['@sveltejs/kit']],
  ['angular', ['@angular/core']],
  ['nest', ['@nestjs/core']],
  ['fastify', ['fastify']],
  ['express', ['express']],
  ['koa', ['koa']],
  ['hono', ['hono']],
  ['hapi', ['@hapi/hapi']],
  ['cra', ['react-scripts']],
  ['vite', ['vite']],
];

/** Ports the frameworks listen on when nothing else is said. */
const FRAMEWORK_PORTS: Record<string, number> = {
  next: 3000, nuxt: 3000, remix: 3000, 'react-router': 3000, 'tanstack-start': 3000, astro: 4321, sveltekit: 3000, nest: 3000,
};

/** Start commands the frameworks document for production, used when package.json has no start script. */
const FRAMEWORK_START: Record<string, string> = {
  next: 'node_modules/.bin/next start',
  nuxt: 'node .output/server/index.mjs',
  remix: 'node_modules/.bin/remix-serve build/index.js',
  'react-router': 'node_modules/.bin/react-router-serve build/server/index.js',
  sveltekit: 'node build',
  nest: 'node dist/main.js',
  'tanstack-start': 'node .output/server/index.mjs',
};

/** Frameworks whose build is a static bundle: no server process unless the app adds one. */
const STATIC_FRAMEWORKS = new Set(['vite', 'angular', 'cra']);
/** Start scripts that run a development server, not something to ship. */
const DEV_SERVER = /^(vite|ng serve|react-scripts start|expo start|webpack serve|webpack-dev-server)\b/;
/** Start scripts that compile and run through a dev-only CLI; the production script (`start:prod`) runs the build output. */
const CLI_START = /^(nest start|ts-node|tsx|nodemon)\b/;

const ENTRY_FILES = ['server.js', 'index.js', 'app.js', 'main.js', 'server.mjs', 'index.mjs', 'app.mjs', 'main.mjs', 'index.cjs', 'server.cjs', 'src/server.js', 'src/index.js', 'src/app.js', 'src/main.js', 'src/server.mjs', 'src/index.mjs'];
const TS_ENTRY_FILES = ['index.ts', 'server.ts', 'app.ts', 'main.ts', 'src/index.ts', 'src/server.ts', 'src/app.ts', 'src/main.ts'];

const LOCKFILES: Array<[string, PackageManager]> = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['yarn.lock', 'yarn'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

export function dependenciesOf(pkg: Obj | undefined): Obj {
  return { ...obj(pkg?.devDependencies), ...obj(pkg?.peerDependencies), ...obj(pkg?.optionalDependencies), ...obj(pkg?.dependencies) };
}

export function nodeFramework(deps: Obj): { name: string; dep: string } | null {
  for (const [name, packages] of FRAMEWORKS) {
    const dep = packages.find((p) => Object.prototype.hasOwnProperty.call(deps, p));
    if (dep) return { name, dep };
  }
  return null;
}

interface PackageManagerFacts {
  pm: PackageManager;
  lockfile: string | null;
  /** Yarn 2+ ("berry"). */
  berry: boolean;
  pmVersion: string | null;
}

export function nodePackageManager(view: AppView, pkg: Obj | undefined, found: Findings): PackageManagerFacts {
  const field = str(pkg?.packageManager) ?? rootPackageManagerField(view);
  const lockfile = findLockfile(view);
  let pm: PackageManager = 'npm';
  let pmVersion: string | null = null;
  if (field && /^(npm|yarn|pnpm|bun)@/.test(field)) {
    pm = field.split('@')[0] as PackageManager;
    pmVersion = field.split('@')[1].split('+')[0];
    found.note(field === str(pkg?.packageManager) ? view.path('package.json') : 'package.json', `packageManager ${field.split('+')[0]} (Corepack)`);
  } else if (lockfile) {
    pm = lockfile.pm;
    found.note(lockfile.path, `lockfile of ${pm}`);
  } else if (view.findUp('bunfig.toml')) {
    pm = 'bun';
    found.note(view.findUp('bunfig.toml')!, 'bun');
  } else if (engineHint(pkg)) {
    pm = engineHint(pkg)!;
    found.note(view.path('package.json'), pm === 'bun' && !obj(pkg?.engines)?.bun ? 'scripts.start runs bun' : `engines.${pm}`);
  } else {
    found.note(view.path('package.json'), 'no lockfile: npm');
  }
  let berry = false;
  if (pm === 'yarn') {
    const yarnLock = lockfile?.pm === 'yarn' ? view.session.snapshot.read(lockfile.path, 4096) : null;
    berry = (pmVersion !== null && Number(pmVersion.split('.')[0]) >= 2) || view.findUp('.yarnrc.yml') !== null || (yarnLock?.includes('__metadata:') ?? false);
    if (berry) found.note(view.findUp('.yarnrc.yml') ?? lockfile?.path ?? view.path('package.json'), 'yarn 2+ (berry)');
  }
  return { pm, lockfile: lockfile?.path ?? null, berry, pmVersion };
}

/** `engines.pnpm`, `engines.yarn`, `engines.bun`, or a start script that runs bun. */
function engineHint(pkg: Obj | undefined): PackageManager | null {
  const engines = obj(pkg?.engines);
  for (const pm of ['pnpm', 'yarn', 'bun'] as const) if (typeof engines?.[pm] === 'string') return pm;
  return /^bun\s/.test(str(obj(pkg?.scripts)?.start) ?? '') ? 'bun' : null;
}

function rootPackageManagerField(view: AppView): string | undefined {
  if (view.isRoot) return undefined;
  return str(obj(view.session.parse('package.json', 'json'))?.packageManager);
}

function findLockfile(view: AppView): { path: string; pm: PackageManager } | null {
  for (const [file, pm] of LOCKFILES) if (view.has(file)) return { path: view.path(file), pm };
  for (const [file, pm] of LOCKFILES) {
    const path = view.findUp(file);
    if (path) return { path, pm };
  }
  return null;
}

export function installCommand(facts: PackageManagerFacts): string {
  const locked = facts.lockfile !== null;
  switch (facts.pm) {
    case 'pnpm':
      return locked ? 'pnpm install --frozen-lockfile' : 'pnpm install';
    case 'yarn':
      return facts.berry ? (locked ? 'yarn install --immutable' : 'yarn install') : locked ? 'yarn install --frozen-lockfile' : 'yarn install';
    case 'bun':
      return locked ? 'bun install --frozen-lockfile' : 'bun install';
    default:
      return locked && /package-lock\.json$|npm-shrinkwrap\.json$/.test(facts.lockfile ?? '') ? 'npm ci' : 'npm install';
  }
}

export function runScript(pm: PackageManager, script: string): string {
  return pm === 'npm' ? `npm run ${script}` : pm === 'yarn' ? `yarn ${script}` : `${pm} run ${script}`;
}

function nodeVersionText(raw: string): string | null {
  const text = raw.trim().replace(/^v(?=\d)/, '');
  if (/^lts(\/\*)?$/i.test(text)) return ANY_LTS;
  const lts = /^lts\/([a-z]+)$/i.exec(text);
  if (lts) return LTS_CODENAMES[lts[1].toLowerCase()] ?? null;
  if (LTS_CODENAMES[text.toLowerCase()]) return LTS_CODENAMES[text.toLowerCase()];
  return /\d/.test(text) ? text : null;
}

const NODE_VERSION_SOURCES: VersionSource[] = [
  firstLineSource('.nvmrc'),
  firstLineSource('.node-version'),
  toolVersionsSource(['nodejs', 'node']),
  ...miseSources(['node', 'nodejs']),
  {
    file: 'package.json',
    extract(view, path) {
      const raw = str(obj(obj(view.session.parse(path, 'json'))?.engines)?.node);
      return raw ? { raw, field: 'engines.node' } : null;
    },
  },
];

const BUN_VERSION_SOURCES: VersionSource[] = [
  firstLineSource('.bun-version'),
  toolVersionsSource(['bun']),
  ...miseSources(['bun']),
  {
    file: 'package.json',
    extract(view, path) {
      const pkg = obj(view.session.parse(path, 'json'));
      const field = str(pkg?.packageManager);
      if (field?.startsWith('bun@')) return { raw: field.slice(4).split('+')[0], field: 'packageManager bun@' };
      const raw = str(obj(pkg?.engines)?.bun);
      return raw ? { raw, field: 'engines.bun' } : null;
    },
  },
];

/** A start script we can run without the package manager: `node server.js`, `bun index.ts`. */
function directStart(script: string): boolean {
  return /^(node|bun)\s+[\w./@-]+(\s+[\w./=@-]+)*$/.test(script.trim()) && !/&&|\|\||;/.test(script);
}

export const nodeDetector: Detector = {
  id: 'node',
  detect(view) {
    const hasPackageJson = view.has('package.json');
    const ownLockfile = LOCKFILES.find(([file]) => view.has(file));
    if (!hasPackageJson && !ownLockfile) return null;
    const found = new Findings();
    const pkg = view.json('package.json');
    const pkgPath = view.path(hasPackageJson ? 'package.json' : ownLockfile![0]);
    if (!hasPackageJson) found.note(pkgPath, 'lockfile without package.json');
    else found.note(pkgPath, pkg ? 'Node project' : 'package.json present but unreadable');
    const scripts = obj(pkg?.scripts) ?? {};
    const deps = dependenciesOf(pkg);
    const prodDeps = obj(pkg?.dependencies) ?? {};
    const pmFacts = nodePackageManager(view, pkg, found);
    const { pm } = pmFacts;

    const version =
      pm === 'bun'
        ? pinnedVersion(view, found, BUN_VERSION_SOURCES, undefined, { product: 'bun', stack: 'bun' })
        : pinnedVersion(view, found, NODE_VERSION_SOURCES, nodeVersionText, { product: 'node', stack: 'node' });

    const fw = nodeFramework(deps);
    if (fw) found.note(pkgPath, `dependency ${fw.dep}: ${fw.name}`);
    const framework = fw?.name ?? null;

    const build = typeof scripts.build === 'string' ? runScript(pm, 'build') : null;
    if (build) found.note(pkgPath, `scripts.build: ${scripts.build}`);

    let start: string | null = null;
    let entry: string | null = null;
    const procfile = procfileWeb(view, found);
    const prodScript = str(scripts['start:prod']);
    const startScript = str(scripts.start) && prodScript && CLI_START.test(str(scripts.start)!.trim()) ? prodScript : str(scripts.start);
    if (prodScript && startScript === prodScript) found.note(pkgPath, `scripts.start runs ${str(scripts.start)} (dev tooling): using scripts.start:prod`);
    if (procfile) {
      start = procfile;
    } else if (startScript && framework && STATIC_FRAMEWORKS.has(framework) && DEV_SERVER.test(startScript.trim())) {
      found.note(pkgPath, `scripts.start runs a dev server (${startScript}); ${framework} builds static files to serve`);
    } else if (startScript) {
      const script = startScript === str(scripts.start) ? 'start' : 'start:prod';
      start = directStart(startScript) ? startScript.trim() : pm === 'npm' && script === 'start' ? 'npm start' : runScript(pm, script);
      found.note(pkgPath, `scripts.${script}: ${startScript}`);
      entry = /^(?:node|bun)\s+(?:--?[\w-]+(?:=\S+)?\s+)*([\w./@-]+\.[cm]?[jt]sx?)\b/.exec(startScript.trim())?.[1] ?? null;
    } else if (framework && FRAMEWORK_START[framework]) {
      start = FRAMEWORK_START[framework];
      found.note(pkgPath, `no start script: ${framework} convention \`${start}\``);
    } else if (framework && STATIC_FRAMEWORKS.has(framework)) {
      found.note(pkgPath, `${framework} builds static files to serve; no server of its own`);
    } else {
      const main = str(pkg?.main);
      const runtime = pm === 'bun' ? 'bun' : 'node';
      const candidates = [...(main ? [main.replace(/^\.\//, '')] : []), ...ENTRY_FILES, ...(pm === 'bun' ? TS_ENTRY_FILES : [])];
      entry = candidates.find((file) => view.has(file)) ?? null;
      if (entry) {
        start = `${runtime} ${entry}`;
        found.note(view.path(entry), main && entry === main.replace(/^\.\//, '') ? `main: ${main}` : `entry file ${entry}`);
      } else if (main) {
        found.note(pkgPath, `main ${main} does not exist`);
      }
    }

    let port: number | null = null;
    const portFromCommand = (start && portInCommand(start)) || (startScript && portInCommand(startScript)) || null;
    const envPort = startScript ? /\bPORT=(\d{2,5})\b/.exec(startScript) : null;
    if (portFromCommand) {
      port = portFromCommand;
      found.note(procfile ? view.path('Procfile') : pkgPath, `start command port ${port}`);
    } else if (envPort) {
      port = Number(envPort[1]);
      found.note(pkgPath, `scripts.start sets PORT=${port}`);
    } else {
      const files = [...(entry ? [entry] : []), ...(str(pkg?.main) ? [str(pkg?.main)!.replace(/^\.\//, '')] : []), ...ENTRY_FILES, ...TS_ENTRY_FILES];
      port = portInFiles(view, found, [...new Set(files)]);
    }
    if (port === null && framework && FRAMEWORK_PORTS[framework]) {
      port = FRAMEWORK_PORTS[framework];
      found.note(pkgPath, `${framework} listens on ${port} by default`);
    }

    const nodeProcfile = procfile !== null && /\b(node|npm|npx|yarn|pnpm|bun|next|nuxt)\b/.test(procfile);
    const serverish = startScript !== undefined || (start !== null && (procfile === null || nodeProcfile)) || (framework !== null && !STATIC_FRAMEWORKS.has(framework));
    const hasDeps = Object.keys(prodDeps).length > 0 || Object.keys(deps).length > 0;
    // A front-end build with no server of its own is often the asset pipeline of another stack.
    const confidence = !hasPackageJson ? 0.7 : serverish ? 0.9 : framework ? 0.65 : pmFacts.lockfile || hasDeps ? 0.6 : 0.45;
    const library = !startScript && !procfile && !framework && Boolean(pkg?.main || pkg?.exports || pkg?.publishConfig || pkg?.types);
    return {
      language: 'node',
      confidence,
      library,
      facts: { packageManager: pm, version, framework, build, start, install: installCommand(pmFacts), port },
      evidence: found.evidence,
    };
  },
};
