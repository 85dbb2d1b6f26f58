import type { Evidence } from './types.js';
import { arr, obj, type Session } from './view.js';

/** A monorepo's declared members: the tool that declares them and their directories. */
export interface Workspace {
  tool: string;
  file: string;
  /** Repo-relative member directories, sorted. */
  members: string[];
  evidence: Evidence[];
}

const MANIFESTS = ['package.json', 'go.mod', 'Cargo.toml', 'pyproject.toml', 'deno.json', 'deno.jsonc', 'project.json', 'composer.json', 'Gemfile', 'pom.xml', 'build.gradle', 'build.gradle.kts'];
const DEFAULT_GLOBS = ['apps/*', 'packages/*', 'services/*', 'libs/*'];

/** `apps/*`, `packages/**`, `./api` -> a matcher over directory paths. */
export function globToRegExp(glob: string): RegExp {
  const clean = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  let source = '';
  for (let i = 0; i < clean.length; i++) {
    const ch = clean[i];
    if (ch === '*' && clean[i + 1] === '*') {
      source += '.*';
      i++;
      if (clean[i + 1] === '/') i++;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Directories (not the root) holding a build manifest. */
export function manifestDirs(session: Session): string[] {
  const dirs = new Set<string>();
  for (const file of session.snapshot.files) {
    const slash = file.lastIndexOf('/');
    if (slash === -1) continue;
    if (MANIFESTS.includes(file.slice(slash + 1))) dirs.add(file.slice(0, slash));
  }
  return [...dirs];
}

function expand(session: Session, globs: string[]): string[] {
  const include = globs.filter((g) => !g.startsWith('!')).map(globToRegExp);
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => globToRegExp(g.slice(1)));
  return manifestDirs(session)
    .filter((dir) => include.some((re) => re.test(dir)) && !exclude.some((re) => re.test(dir)))
    .sort();
}

function strings(value: unknown): string[] {
  return arr(value).filter((v): v is string => typeof v === 'string');
}

/** The workspace the repo root declares, if any. */
export function findWorkspace(session: Session): Workspace | null {
  const declared = (tool: string, file: string, globs: string[], fact: string): Workspace | null => {
    const members = expand(session, globs);
    return { tool, file, members, evidence: [{ file, fact: `${fact}: ${members.length} member${members.length === 1 ? '' : 's'}` }] };
  };
  const has = (file: string) => session.snapshot.files.includes(file);

  if (has('pnpm-workspace.yaml')) {
    const globs = strings(obj(session.parse('pnpm-workspace.yaml', 'yaml'))?.packages);
    return declared('pnpm', 'pnpm-workspace.yaml', globs.length ? globs : DEFAULT_GLOBS, 'pnpm workspace');
  }
  const pkg = obj(session.parse('package.json', 'json'));
  const workspaces = Array.isArray(pkg?.workspaces) ? strings(pkg?.workspaces) : strings(obj(pkg?.workspaces)?.packages);
  if (workspaces.length) {
    const marker = ['turbo.json', 'nx.json'].find(has);
    return declared(marker ? marker.replace('.json', '') : 'npm', 'package.json', workspaces, `workspaces ${workspaces.join(', ')}${marker ? ` (${marker})` : ''}`);
  }
  if (has('lerna.json')) {
    const globs = strings(obj(session.parse('lerna.json', 'json'))?.packages);
    return declared('lerna', 'lerna.json', globs.length ? globs : ['packages/*'], 'lerna packages');
  }
  if (has('go.work')) {
    const text = session.snapshot.read('go.work') ?? '';
    const block = /^use\s*\(([\s\S]*?)\)/m.exec(text)?.[1] ?? '';
    const uses = [...block.split('\n'), ...[...text.matchAll(/^use\s+(\S+)\s*$/gm)].map((m) => m[1])]
      .map((line) => line.replace(/\/\/.*/, '').trim())
      .filter((line) => line && line !== '.' && line !== './');
    return declared('go', 'go.work', uses, 'go.work use');
  }
  const cargo = obj(obj(session.parse('Cargo.toml', 'toml'))?.workspace);
  if (has('Cargo.toml') && cargo) {
    return declared('cargo', 'Cargo.toml', [...strings(cargo.members), ...strings(cargo.exclude).map((g) => `!${g}`)], 'cargo workspace members');
  }
  const uv = obj(obj(obj(obj(session.parse('pyproject.toml', 'toml'))?.tool)?.uv)?.workspace);
  if (has('pyproject.toml') && uv) {
    return declared('uv', 'pyproject.toml', [...strings(uv.members), ...strings(uv.exclude).map((g) => `!${g}`)], 'uv workspace members');
  }
  for (const marker of ['nx.json', 'turbo.json', '.moon/workspace.yml']) {
    if (has(marker)) return declared(marker.replace(/^\.?(\w+).*$/, '$1'), marker, DEFAULT_GLOBS, `${marker} monorepo`);
  }
  return null;
}
