import type { Product } from './table.js';

/** A product and version an image reference names, e.g. node 18 in `node:18-slim`. */
export interface NamedVersion {
  product: Product;
  version: string;
}

/** What an image reference says about the runtime and the OS it carries; either may be unknown. */
export interface ImageNames {
  runtime: NamedVersion | null;
  os: NamedVersion | null;
}

const DEBIAN_CODENAMES: Record<string, string> = { stretch: '9', buster: '10', bullseye: '11', bookworm: '12', trixie: '13', forky: '14' };
const UBUNTU_CODENAMES: Record<string, string> = { bionic: '18.04', focal: '20.04', jammy: '22.04', noble: '24.04' };

/** Runtime images by the last part of their repository name: product, and how to read the version from the tag. */
const RUNTIME_REPOS: Record<string, Product> = {
  node: 'node',
  python: 'python',
  pypy: 'python',
  golang: 'go',
  ruby: 'ruby',
  php: 'php',
  'eclipse-temurin': 'java',
  openjdk: 'java',
  amazoncorretto: 'java',
  'sapmachine': 'java',
  sdk: 'dotnet',
  aspnet: 'dotnet',
  runtime: 'dotnet',
  'runtime-deps': 'dotnet',
  deno: 'deno',
  bun: 'bun',
  elixir: 'elixir',
};

/** `name[:tag][@digest]` -> repository and tag (null when untagged). */
export function splitImageRef(ref: string): { repository: string; tag: string | null } {
  const nameTag = ref.split('@')[0];
  const colon = nameTag.lastIndexOf(':');
  const hasTag = colon > nameTag.lastIndexOf('/');
  return { repository: (hasTag ? nameTag.slice(0, colon) : nameTag).toLowerCase(), tag: hasTag ? nameTag.slice(colon + 1) : null };
}

function osOf(repository: string, tag: string): NamedVersion | null {
  const name = repository.split('/').pop() ?? '';
  const distroless = /distroless\/[\w.-]+-debian(\d+)$/.exec(repository);
  if (distroless) return { product: 'debian', version: distroless[1] };
  if (name === 'debian') {
    const m = /^(\d+)(?:\.\d+)*/.exec(tag) ?? /^(stretch|buster|bullseye|bookworm|trixie|forky)\b/.exec(tag);
    if (m) return { product: 'debian', version: DEBIAN_CODENAMES[m[1]] ?? m[1] };
  }
  if (name === 'alpine') {
    const m = /^(\d+\.\d+)/.exec(tag);
    if (m) return { product: 'alpine', version: m[1] };
  }
  if (name === 'ubuntu') {
    const m = /^(\d+\.\d+)/.exec(tag) ?? /^(bionic|focal|jammy|noble)\b/.exec(tag);
    if (m) return { product: 'ubuntu', version: UBUNTU_CODENAMES[m[1]] ?? m[1] };
  }
  const debian = /(?:^|[-_])(stretch|buster|bullseye|bookworm|trixie|forky)(?=$|[-_])/.exec(tag) ?? /(?:^|[-_])debian-?(\d+)(?=$|[-_.])/.exec(tag);
  if (debian) return { product: 'debian', version: DEBIAN_CODENAMES[debian[1]] ?? debian[1] };
  const alpine = /(?:^|[-_])alpine(\d+\.\d+)/.exec(tag);
  if (alpine) return { product: 'alpine', version: alpine[1] };
  const ubuntu = /(?:^|[-_])(bionic|focal|jammy|noble)(?=$|[-_])/.exec(tag);
  if (ubuntu) return { product: 'ubuntu', version: UBUNTU_CODENAMES[ubuntu[1]] };
  return null;
}

function runtimeOf(repository: string, tag: string): NamedVersion | null {
  const distroless = /distroless\/(nodejs|java|python)(\d+)-debian\d+$/.exec(repository);
  if (distroless) {
    if (distroless[1] === 'nodejs') return { product: 'node', version: distroless[2] };
    if (distroless[1] === 'java') return { product: 'java', version: distroless[2] };
    return null;
  }
  const name = repository.split('/').pop() ?? '';
  if (name === 'maven' || name === 'gradle') {
    const jdk = /(?:temurin|jdk|openjdk|corretto|graal)-?(\d+)/.exec(tag);
    return jdk ? { product: 'java', version: jdk[1] } : null;
  }
  const product = RUNTIME_REPOS[name];
  if (!product) return null;
  if (product === 'dotnet' && !repository.includes('dotnet')) return null;
  const bare = product === 'deno' ? tag.replace(/^(?:distroless|debian|alpine|ubuntu|bin)-/, '') : tag;
  const m = /^v?(\d+(?:\.\d+){0,2})/.exec(bare);
  if (!m) return null;
  // The SDK is versioned 8.0.416: its runtime line is 8.0.
  const version = product === 'dotnet' ? m[1].split('.').slice(0, 2).join('.') : m[1];
  return { product, version };
}

/** The runtime and OS an image reference names in its repository and tag (`node:18-bullseye-slim`: node 18, Debian 11). */
export function imageNames(ref: string): ImageNames {
  const { repository, tag } = splitImageRef(ref);
  const distrolessName = /distroless\//.test(repository);
  if (!tag && !distrolessName) return { runtime: null, os: null };
  return { runtime: runtimeOf(repository, tag ?? ''), os: osOf(repository, tag ?? '') };
}
