import type { NamedVersion } from '../../eol/image-ref.js';
import { endOfLife } from '../../eol/status.js';
import type { Product } from '../../eol/table.js';
import type { AuditHit, AuditRule, AuditView } from '../types.js';

/** os-release IDs the end-of-life table knows. */
const OS_IDS: Record<string, Product> = { debian: 'debian', alpine: 'alpine', ubuntu: 'ubuntu' };

/** Environment variables the official runtime images set to the version they carry (`NODE_VERSION=22.21.1`). */
const RUNTIME_ENV: Array<[string, Product]> = [
  ['NODE_VERSION', 'node'],
  ['PYTHON_VERSION', 'python'],
  ['GOLANG_VERSION', 'go'],
  ['RUBY_VERSION', 'ruby'],
  ['PHP_VERSION', 'php'],
  ['JAVA_VERSION', 'java'],
  ['ASPNET_VERSION', 'dotnet'],
  ['DOTNET_VERSION', 'dotnet'],
  ['DENO_VERSION', 'deno'],
  ['BUN_VERSION', 'bun'],
  ['ELIXIR_VERSION', 'elixir'],
];

function osRelease(image: AuditView): { text: string; path: string } | null {
  for (const path of ['/etc/os-release', '/usr/lib/os-release']) {
    const text = image.final.get(path)?.entry.content;
    if (text) return { text, path };
  }
  return null;
}

/** The distribution and release an image's os-release names (ID and VERSION_ID). */
export function osOf(text: string): NamedVersion | null {
  const field = (key: string) => new RegExp(`^${key}=("?)([^"\\n]*)\\1\\s*$`, 'm').exec(text)?.[2] ?? null;
  const product = OS_IDS[(field('ID') ?? '').toLowerCase()];
  const version = field('VERSION_ID');
  return product && version ? { product, version } : null;
}

/** Runtime versions the image's environment declares. */
export function runtimesOf(env: readonly string[]): Array<NamedVersion & { variable: string }> {
  const found: Array<NamedVersion & { variable: string }> = [];
  for (const [variable, product] of RUNTIME_ENV) {
    const value = env.find((entry) => entry.startsWith(`${variable}=`))?.slice(variable.length + 1);
    const version = value ? /\d+(?:\.\d+){0,2}/.exec(value)?.[0] : undefined;
    if (version && !found.some((f) => f.product === product)) found.push({ product, version, variable });
  }
  return found;
}

export const rule: AuditRule = {
  id: 'HI812',
  slug: 'use-supported-base',
  level: 'warning',
  title: 'The image runs on a runtime or OS that has reached its end of life',
  fix: 'Rebuild on a supported line of the runtime and OS (`harden-init fix` offers the bump of the FROM lines).',
  aliases: [],
  check(image) {
    const hits: AuditHit[] = [];
    const release = osRelease(image);
    const os = release ? osOf(release.text) : null;
    const endedOs = os ? endOfLife(os.product, os.version, { today: image.today }) : null;
    if (endedOs && release) hits.push({ message: `${release.path}: ${endedOs.message}`, path: release.path });
    for (const runtime of runtimesOf(image.config.Env ?? [])) {
      const ended = endOfLife(runtime.product, runtime.version, { today: image.today });
      if (ended) hits.push({ message: `${runtime.variable}=${runtime.version}: ${ended.message}` });
    }
    return hits;
  },
};
