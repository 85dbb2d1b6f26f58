import dockerignoreModule from '@balena/dockerignore';
import { SECRET_PATTERNS as GENERATED_SECRET_PATTERNS } from '../generate/dockerignore.js';

type Factory = typeof import('@balena/dockerignore').default;
// The package is CommonJS (`module.exports = factory`) with ESM-style typings.
const dockerignore: Factory = ((dockerignoreModule as unknown as { default?: Factory }).default ?? (dockerignoreModule as unknown as Factory));

/** Patterns that keep secrets out of the build context: VCS data plus the generator's secret files. */
export const SECRET_PATTERNS = ['.git', ...GENERATED_SECRET_PATTERNS, '**/credentials*.json'];

export interface DockerignoreExtension {
  text: string;
  added: string[];
  /** Patterns left out because the Dockerfile copies a path they would hide. */
  skipped: Array<{ pattern: string; path: string }>;
}

function normalise(source: string): string {
  return source.replace(/^\.\//, '').replace(/\/+$/, '') || '.';
}

/**
 * Extends an existing .dockerignore: keeps every line as written, appends the required patterns it
 * lacks, and leaves out any pattern that would hide a path the Dockerfile copies (`copied`).
 * Pure.
 */
export function extendDockerignore(existing: string | null, required: readonly string[] = SECRET_PATTERNS, copied: readonly string[] = []): DockerignoreExtension {
  const text = existing ?? '';
  const present = new Set(text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith('#')));
  const lines = [...present];
  const before = dockerignore({ ignorecase: false }).add(lines);
  const paths = copied.map(normalise).filter((p) => p !== '.' && !/[*?[]/.test(p) && !p.startsWith('/') && !p.startsWith('..'));
  const added: string[] = [];
  const skipped: DockerignoreExtension['skipped'] = [];
  for (const pattern of required) {
    if (present.has(pattern)) continue;
    const after = dockerignore({ ignorecase: false }).add([...lines, ...added, pattern]);
    const hidden = paths.find((p) => after.ignores(p) && !before.ignores(p));
    if (hidden) {
      skipped.push({ pattern, path: hidden });
      continue;
    }
    added.push(pattern);
  }
  if (added.length === 0) return { text, added, skipped };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const head = text === '' || text.endsWith('\n') ? text : text + eol;
  const block = ['# added by harden-init: keep secrets out of the build context', ...added].join(eol) + eol;
  return { text: head + (head ? eol : '') + block, added, skipped };
}
