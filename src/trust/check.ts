import path from 'node:path';
import { readFile } from 'node:fs/promises';
import baseImages from '../generate/base-images.json' with { type: 'json' };
import { clientFor, type ResolveOptions } from '../registry/index.js';
import { RegistryError } from '../registry/errors.js';
import { applyMirror, formatImageRef, ImageRefError, parseImageRef, type ImageRef } from '../registry/ref.js';
import { captureCosign } from '../sign/cosign-cli.js';
import { verifyImage } from '../sign/image.js';
import { KeyFileError, loadPublicKey } from '../sign/keys.js';
import { fromLines } from './dockerfile.js';
import { findTrustEntry, type TrustEntry } from './policy.js';

/**
 * verified: a publisher signature checked out; pinned: no publisher signature exists, and the FROM is pinned by digest;
 * failed: a check failed or a required pin is missing; unverifiable: could not be checked (offline, no cosign);
 * untrusted: no trust entry matches; skipped: scratch or an earlier stage.
 */
export type BaseStatus = 'verified' | 'pinned' | 'failed' | 'unverifiable' | 'untrusted' | 'skipped';

export interface BaseImageResult {
  line: number;
  /** The image as the FROM line names it. */
  image: string;
  /** The upstream name the trust table matched against (mirror names are mapped back). */
  upstream: string | null;
  digest: string | null;
  publisher: string | null;
  status: BaseStatus;
  detail: string;
  /** True when the check needed the cosign CLI and it is not installed. */
  needsCosign: boolean;
}

export interface CheckOptions extends ResolveOptions {
  entries: TrustEntry[];
  /** Directory that relative `key` paths in trust entries are resolved against. */
  baseDir: string;
  env: NodeJS.ProcessEnv;
}

/** Maps `R/path` back to the upstream image the base-image table (or Docker Hub's library) says it mirrors. */
export function upstreamOf(ref: ImageRef, mirror: string | null | undefined): ImageRef {
  if (!mirror) return ref;
  const probe = applyMirror({ registry: 'docker.io', repository: 'x', tag: null, digest: null }, mirror);
  if (ref.registry !== probe.registry) return ref;
  const prefix = probe.repository.slice(0, -'x'.length);
  if (!ref.repository.startsWith(prefix)) return ref;
  for (const entry of baseImages.images) {
    const upstream = parseImageRef(entry.ref);
    const mirrored = applyMirror(upstream, mirror);
    if (mirrored.repository === ref.repository) return { ...ref, registry: upstream.registry, repository: upstream.repository };
  }
  const path = ref.repository.slice(prefix.length);
  if (path.startsWith('library/')) return { ...ref, registry: 'docker.io', repository: path };
  return ref;
}

function short(digest: string | null): string {
  return digest ? digest.slice(0, 19) : '';
}

async function checkOne(image: string, line: number, options: CheckOptions): Promise<BaseImageResult> {
  const result: BaseImageResult = { line, image, upstream: null, digest: null, publisher: null, status: 'failed', detail: '', needsCosign: false };
  let ref: ImageRef;
  try {
    ref = parseImageRef(image);
  } catch (error) {
    result.detail = error instanceof ImageRefError ? `invalid image reference: ${error.reason}` : String(error);
    return result;
  }
  const upstream = upstreamOf(ref, options.registry);
  result.upstream = formatImageRef({ ...upstream, digest: null });
  const entry = findTrustEntry(upstream, options.entries);
  result.publisher = entry?.publisher ?? null;
  // Where the bytes come from: the FROM's own registry, or the mirror for upstream names.
  const target = options.registry && upstream === ref ? applyMirror(ref, options.registry) : ref;
  const client = clientFor(target, options);
  let offline = false;
  try {
    if (ref.digest) {
      const found = await client.manifestDigest(target.repository, ref.digest);
      if (!found) {
        result.detail = `the pinned digest ${short(ref.digest)} is not in ${target.registry}/${target.repository}`;
        return result;
      }
      result.digest = ref.digest;
    } else {
      result.digest = await client.manifestDigest(target.repository, target.tag ?? 'latest');
      if (!result.digest) {
        result.detail = `${formatImageRef(target)} not found in the registry`;
        return result;
      }
    }
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error;
    if (!error.offline) {
      result.detail = error.oneLine().replace(/^harden-init: /, '');
      return result;
    }
    offline = true;
    result.digest = ref.digest;
  }
  const pinNote = ref.digest ? '' : result.digest ? `; pin it: ${image}@${result.digest}` : '; pin it with @sha256:<digest>';

  if (!entry) {
    result.status = 'untrusted';
    result.detail = `no trust entry matches ${result.upstream}: add one to "trust" in .harden-init.json`;
    return result;
  }
  if (entry.check === 'digest-pin') {
    result.status = ref.digest ? 'pinned' : 'failed';
    result.detail = ref.digest ? `${entry.note ?? 'no publisher signature'}; pinned to ${short(ref.digest)}` : `not pinned by digest: ${entry.note ?? 'no publisher signature'}${pinNote}`;
    return result;
  }
  if (offline || !result.digest) {
    result.status = 'unverifiable';
    result.detail = `not verifiable offline (${entry.check === 'keyless' ? 'keyless signature' : 'key signature'} of ${entry.publisher ?? result.upstream})`;
    return result;
  }
  const pinned = `${target.registry}/${target.repository}@${result.digest}`;
  if (entry.check === 'key') {
    const keyPath = path.resolve(options.baseDir, entry.key ?? '');
    let publicKey;
    try {
      publicKey = loadPublicKey(await readFile(keyPath, 'utf8'));
    } catch (error) {
      result.detail = `cannot use the trust key ${entry.key}: ${error instanceof KeyFileError ? error.message : (error as Error).message}`;
      return result;
    }
    const verified = await verifyImage(pinned, publicKey, options);
    result.status = verified.valid ? 'verified' : 'failed';
    result.detail = verified.valid ? `signed with ${entry.key} (${short(result.digest)})${pinNote}` : `no valid signature by ${entry.key} for ${short(result.digest)}`;
    return result;
  }
  const args = ['verify', entry.identity ? '--certificate-identity' : '--certificate-identity-regexp', (entry.identity ?? entry.identityRegexp) as string, '--certificate-oidc-issuer', entry.issuer as string];
  if (client.plainHttpAllowed) args.push('--allow-http-registry');
  const run = await captureCosign([...args, pinned], options.env);
  if (!run) {
    result.status = 'unverifiable';
    result.needsCosign = true;
    result.detail = `keyless signature of ${entry.publisher ?? result.upstream} needs cosign, which is not installed`;
    return result;
  }
  const lastLine = run.stderr.trim().split('\n').pop() ?? '';
  result.status = run.exitCode === 0 ? 'verified' : 'failed';
  result.detail = run.exitCode === 0 ? `keyless signature by ${entry.identity ?? entry.identityRegexp} (${short(result.digest)})${pinNote}` : `cosign verify failed: ${lastLine}`;
  return result;
}

/** Checks every FROM of a Dockerfile against the trust entries. */
export async function checkBaseImages(text: string, options: CheckOptions): Promise<BaseImageResult[]> {
  const results: BaseImageResult[] = [];
  for (const from of fromLines(text)) {
    if (from.kind === 'scratch' || from.kind === 'stage') {
      results.push({ line: from.line, image: from.image, upstream: null, digest: null, publisher: null, status: 'skipped', detail: from.kind === 'scratch' ? 'scratch: no base image' : 'an earlier stage of this Dockerfile', needsCosign: false });
    } else if (from.kind === 'unresolved') {
      results.push({ line: from.line, image: from.image, upstream: null, digest: null, publisher: null, status: 'failed', detail: 'the image depends on a build argument without a default; give the ARG a default', needsCosign: false });
    } else {
      results.push(await checkOne(from.image, from.line, options));
    }
  }
  return results;
}
