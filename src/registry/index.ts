import { RegistryClient } from './client.js';
import { dockerConfigCredentials, type CredentialSource } from './credentials.js';
import { RegistryError } from './errors.js';
import { applyMirror, parseImageRef, type ImageRef } from './ref.js';

export { RegistryClient, fallbackTag, parseChallenge, sha256Digest, type RawManifest, type RegistryClientOptions } from './client.js';
export { dockerConfigCredentials, anonymous, type CredentialSource, type Credentials } from './credentials.js';
export { RegistryError, type RegistryErrorCode } from './errors.js';
export { MANIFEST_ACCEPT, MediaType, type Descriptor, type ImageIndex, type ImageManifest } from './media-types.js';
export { applyMirror, apiHost, formatImageRef, ImageRefError, isLoopback, parseImageRef, repositoryName, DOCKER_HUB, type ImageRef } from './ref.js';

export interface ResolveOptions {
  /** Mirror to ask instead of the image's own registry: `host/path:tag` -> `R/path:tag`. Default: none. */
  registry?: string | null;
  /** Per-request timeout. Default 15 000 ms. */
  timeoutMs?: number;
  /** Allow plain HTTP to a registry that is not on loopback. Default false. */
  insecureRegistry?: boolean;
  /** The fetch to use. Default: the global fetch. */
  fetch?: typeof fetch;
  /** Credentials. Default: ~/.docker/config.json ($DOCKER_CONFIG). */
  credentials?: CredentialSource;
}

/** The reference as the request will go out: parsed, and moved to the mirror when one is set. */
export function effectiveRef(ref: string | ImageRef, registry?: string | null): ImageRef {
  const parsed = typeof ref === 'string' ? parseImageRef(ref) : ref;
  return registry ? applyMirror(parsed, registry) : parsed;
}

export function clientFor(target: ImageRef, options: ResolveOptions = {}): RegistryClient {
  return new RegistryClient(target.registry, {
    insecure: options.insecureRegistry,
    timeoutMs: options.timeoutMs,
    fetch: options.fetch,
    credentials: options.credentials ?? dockerConfigCredentials(),
  });
}

/**
 * The registry digest (`sha256:<hex>`) a `name:tag` reference points at now: the digest of the
 * manifest or index exactly as stored. A reference without a tag means `latest`.
 * Throws RegistryError (`offline` is true when the registry cannot be reached) or ImageRefError.
 */
export async function resolveDigest(ref: string, options: ResolveOptions = {}): Promise<string> {
  const target = effectiveRef(ref, options.registry);
  const client = clientFor(target, options);
  const reference = target.tag ?? (target.digest ? target.digest : 'latest');
  const digest = await client.manifestDigest(target.repository, reference);
  if (!digest) {
    throw new RegistryError('not-found', `${target.repository}:${reference} not found`, target.registry, 'check the image name and tag', 404);
  }
  return digest;
}

/** Every tag of the reference's repository (on the mirror when one is set). */
export async function listTags(ref: string, options: ResolveOptions = {}): Promise<string[]> {
  const target = effectiveRef(ref, options.registry);
  return clientFor(target, options).listTags(target.repository);
}
