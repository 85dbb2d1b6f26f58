import dockerignoreModule from '@balena/dockerignore';

type IgnoreFactory = typeof dockerignoreModule.default;
// A CommonJS module: Node hands over the function itself, TypeScript types it as `.default`.
const ignore: IgnoreFactory =
  (dockerignoreModule as unknown as { default?: IgnoreFactory }).default ?? (dockerignoreModule as unknown as IgnoreFactory);

/** Patterns for files that hold secrets: excluded from every build context, never re-included. */
export const SECRET_PATTERNS = [
  '**/.env',
  '**/.env.*',
  '**/*.pem',
  '**/*.key',
  '**/*.p12',
  '**/*.pfx',
  '**/*.jks',
  '**/*.keystore',
  '**/id_rsa*',
  '**/id_dsa*',
  '**/id_ecdsa*',
  '**/id_ed25519*',
  '**/.npmrc',
  '**/.yarnrc',
  '**/.pypirc',
  '**/.netrc',
  '**/.git-credentials',
  '**/credentials.json',
  '**/*.tfstate',
  '**/*.tfvars',
  '**/.aws',
  '**/.ssh',
  '**/.docker',
  '**/auth.json',
];

const VCS = ['.git', '**/.git', '.hg', '.svn', '.gitattributes'];
const JUNK = ['.vscode', '.idea', '**/*.swp', '**/*~', '**/.DS_Store', '**/Thumbs.db'];
const DOCKER = ['Dockerfile', 'Dockerfile.*', '*.Dockerfile', 'compose.yaml', 'compose.yml', 'docker-compose*.yml', 'docker-compose*.yaml', '**/*.harden-init.bak', '.harden-init.json'];

/**
 * .gitignore lines in Docker's semantics: a pattern without a slash matches at any depth in git
 * but only at the root in Docker, so it gets a `**\/` prefix; a leading `/` anchors in git and is
 * dropped; a trailing `/` (directories only) has no Docker equivalent and is dropped.
 */
export function gitignoreToDocker(text: string): string[] {
  const out: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1);
    }
    if (line.startsWith('\\#') || line.startsWith('\\!')) line = line.slice(1);
    line = line.replace(/\/+$/, '');
    if (line === '' || line === '/') continue;
    const anchored = line.startsWith('/') || line.slice(0, -1).includes('/');
    line = line.replace(/^\/+/, '');
    if (!anchored && !line.startsWith('**/')) line = `**/${line}`;
    out.push(`${negate ? '!' : ''}${line}`);
  }
  return out;
}

export interface DockerignoreInput {
  /** Stack lines: local dependency and build folders. */
  stackIgnore: string[];
  gitignore?: string;
  /** Context paths the Dockerfile COPYs by name, plus files the app needs that arrive with `COPY . .`. */
  keep: string[];
  repoFiles: string[];
}

export interface DockerignoreResult {
  content: string;
  /** Repo files that look like secrets (all excluded). */
  secretFiles: string[];
  /** Files re-included with `!` because the Dockerfile needs them. */
  reincluded: string[];
  /** Needed files that look like secrets: they stay excluded and the build will need them another way. */
  blocked: string[];
}

function patterns(lines: string[]): string[] {
  return lines.filter((line) => line !== '' && !line.startsWith('#'));
}

/** True when Docker would leave `path` out of the build context under these .dockerignore lines. */
export function isIgnored(lines: string[], path: string): boolean {
  return ignore().add(patterns(lines)).ignores(path);
}

/** The .dockerignore text; every `keep` path survives it unless it is a secret. */
export function buildDockerignore(input: DockerignoreInput): DockerignoreResult {
  const lines = [
    "# Docker's own pattern syntax (not .gitignore's): `**/` matches at any depth; a later `!` re-includes.",
    '# Secrets never enter the build context; give build-time secrets with `docker build --secret`.',
    ...SECRET_PATTERNS,
    '# Version control history is not part of the app.',
    ...VCS,
    '# Editor and OS files.',
    ...JUNK,
    '# Local dependencies and build output: the image installs and builds its own.',
    ...input.stackIgnore,
    '# Docker files: editing them must not invalidate the cached COPY layers.',
    ...DOCKER,
  ];
  const fromGit = input.gitignore ? gitignoreToDocker(input.gitignore).filter((line) => !lines.includes(line)) : [];
  if (fromGit.length) lines.push('# From .gitignore, translated to Docker semantics.', ...fromGit);
  const secrets = ignore().add(SECRET_PATTERNS);
  const secretFiles = input.repoFiles.filter((file) => secrets.ignores(file)).sort();
  const reincluded: string[] = [];
  const blocked: string[] = [];
  for (const path of [...new Set(input.keep)]) {
    if (!isIgnored(lines, path)) continue;
    if (secrets.ignores(path)) {
      blocked.push(path);
      continue;
    }
    reincluded.push(path);
  }
  if (reincluded.length) lines.push('# Re-included: the Dockerfile needs these.', ...reincluded.map((path) => `!${path}`));
  return { content: `${lines.join('\n')}\n`, secretFiles, reincluded, blocked };
}
