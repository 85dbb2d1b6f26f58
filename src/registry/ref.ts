/**
 * Image references, parsed the way Docker normalises them:
 * `node:22` -> docker.io/library/node:22, `gcr.io/distroless/static-debian12:nonroot` stays on gcr.io.
 */
export interface ImageRef {
  /** Registry host with optional port, e.g. `docker.io`, `gcr.io`, `127.0.0.1:5000`. */
  registry: string;
  /** Repository path inside the registry, e.g. `library/node`, `distroless/static-debian12`. */
  repository: string;
  /** Tag, or null when the reference has none (Docker would use `latest`). */
  tag: string | null;
  /** `sha256:<hex>` when the reference is pinned, else null. */
  digest: string | null;
}

export const DOCKER_HUB = 'docker.io';

const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d+)?$/;

/** A reference that cannot be parsed; `reason` says which part is wrong. */
export class ImageRefError extends Error {
  constructor(
    readonly ref: string,
    readonly reason: string,
  ) {
    super(`invalid image reference "${ref}": ${reason}`);
  }
}

/** Parses `[host[:port]/]path[:tag][@sha256:hex]`, applying Docker Hub's defaults. Throws ImageRefError. */
export function parseImageRef(ref: string): ImageRef {
  const input = ref.trim();
  if (input === '') throw new ImageRefError(ref, 'it is empty');
  let rest = input;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw new ImageRefError(ref, `"${digest}" is not a digest (expected sha256:<64 hex>)`);
    if (digest.startsWith('sha256:') && !/^sha256:[a-f0-9]{64}$/.test(digest)) {
      throw new ImageRefError(ref, `"${digest}" is not a sha256 digest (expected 64 lowercase hex digits)`);
    }
  }
  let registry = DOCKER_HUB;
  const slash = rest.indexOf('/');
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[')) {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | null = null;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw new ImageRefError(ref, `"${tag}" is not a valid tag`);
  }
  if (!HOST.test(registry)) throw new ImageRefError(ref, `"${registry}" is not a registry host`);
  registry = normaliseRegistry(registry);
  if (rest === '') throw new ImageRefError(ref, 'it names no repository');
  const components = rest.split('/');
  for (const component of components) {
    if (!COMPONENT.test(component)) {
      throw new ImageRefError(ref, `"${component}" is not a valid repository name part (lowercase letters, digits, ".", "_", "-")`);
    }
  }
  let repository = rest;
  if (registry === DOCKER_HUB && components.length === 1) repository = `library/${rest}`;
  if (repository.length > 255) throw new ImageRefError(ref, 'the repository name is longer than 255 characters');
  return { registry, repository, tag, digest };
}

function normaliseRegistry(host: string): string {
  const lower = host.toLowerCase();
  if (lower === 'index.docker.io' || lower === 'registry-1.docker.io' || lower === 'registry.hub.docker.com') return DOCKER_HUB;
  return lower;
}

/** Writes a reference back in full form: `docker.io/library/node:22@sha256:...`. */
export function formatImageRef(ref: ImageRef): string {
  let out = `${ref.registry}/${ref.repository}`;
  if (ref.tag) out += `:${ref.tag}`;
  if (ref.digest) out += `@${ref.digest}`;
  return out;
}

/** The repository without tag or digest: `docker.io/library/node`. */
export function repositoryName(ref: ImageRef): string {
  return `${ref.registry}/${ref.repository}`;
}

/**
 * Moves a reference to a mirror: `host/path:tag` -> `R/path:tag` where R is `host[:port][/prefix]`,
 * e.g. docker.io/library/node:22 with 127.0.0.1:5000 -> 127.0.0.1:5000/library/node:22.
 */
export function applyMirror(ref: ImageRef, mirror: string): ImageRef {
  const trimmed = mirror.trim().replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
  const slash = trimmed.indexOf('/');
  const host = slash === -1 ? trimmed : trimmed.slice(0, slash);
  const prefix = slash === -1 ? '' : trimmed.slice(slash + 1);
  if (!HOST.test(host)) throw new ImageRefError(mirror, `"${host}" is not a registry host`);
  return { ...ref, registry: normaliseRegistry(host), repository: prefix ? `${prefix}/${ref.repository}` : ref.repository };
}

/** The host the v2 API of a registry answers on (Docker Hub's API is not on docker.io itself). */
export function apiHost(registry: string): string {
  return registry === DOCKER_HUB ? 'registry-1.docker.io' : registry;
}

/** True for localhost, 127.0.0.0/8 and ::1, where Docker also allows plain HTTP. */
export function isLoopback(registry: string): boolean {
  const host = registry.startsWith('[') ? registry.slice(1, registry.indexOf(']')) : registry.replace(/:\d+$/, '');
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
