import { createPublicKey, type KeyObject } from 'node:crypto';
import { RegistryClient, fallbackTag, sha256Digest } from '../registry/client.js';
import { RegistryError } from '../registry/errors.js';
import { clientFor, effectiveRef, type ResolveOptions } from '../registry/index.js';
import { MediaType, type Descriptor, type ImageManifest } from '../registry/media-types.js';
import type { ImageRef } from '../registry/ref.js';
import {
  BUNDLE_CONTENT_ANNOTATION,
  BUNDLE_MEDIA_TYPE,
  BUNDLE_PREDICATE_ANNOTATION,
  COSIGN_SIGN_PREDICATE,
  EMPTY_JSON,
  SIGNATURE_ANNOTATION,
  SIMPLE_SIGNING_MEDIA_TYPE,
  buildBundle,
  bundleReferrerManifest,
  checkBundle,
  checkSimpleSigning,
  dockerReference,
  signBytes,
  signatureConfig,
  signatureManifest,
  simpleSigningPayload,
  verifyBytes,
} from './formats.js';

export type SignatureFormat = 'legacy' | 'bundle';
export type FormatChoice = SignatureFormat | 'both';

export function formatsOf(choice: FormatChoice): SignatureFormat[] {
  return choice === 'both' ? ['legacy', 'bundle'] : [choice];
}

/** An image pinned to the digest its registry holds now. */
export interface ResolvedImage {
  ref: ImageRef;
  digest: string;
  /** Descriptor of the image manifest/index, for a referrer's `subject`. */
  descriptor: Descriptor;
  client: RegistryClient;
}

/** Resolves a reference to the registry digest; throws RegistryError when the registry does not have it. */
export async function resolveImage(reference: string, options: ResolveOptions = {}): Promise<ResolvedImage> {
  const ref = effectiveRef(reference, options.registry);
  const client = clientFor(ref, options);
  const raw = await client.getManifest(ref.repository, ref.digest ?? ref.tag ?? 'latest');
  return { ref, digest: raw.digest, descriptor: { mediaType: raw.mediaType, digest: raw.digest, size: raw.bytes.byteLength }, client };
}

const json = (bytes: Uint8Array) => JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;

async function manifestOrNull(client: RegistryClient, repository: string, reference: string): Promise<ImageManifest | null> {
  try {
    return json((await client.getManifest(repository, reference, [MediaType.ociManifest, MediaType.dockerManifest])).bytes) as ImageManifest;
  } catch (error) {
    if (error instanceof RegistryError && error.code === 'not-found') return null;
    throw error;
  }
}

export interface FormatCheck {
  format: SignatureFormat;
  /** Where the signatures live: the `.sig` tag or the referrers of the digest. */
  location: string;
  /** Signature entries found for the digest. */
  found: number;
  /** Entries that verify with the key and vouch for this digest. */
  valid: number;
  /** One line per entry that did not verify, saying why. */
  problems: string[];
}

/** The `sha256-<hex>.sig` tag cosign stores legacy signatures under. */
export function legacySignatureTag(digest: string): string {
  return `${fallbackTag(digest)}.sig`;
}

async function checkLegacy(image: ResolvedImage, publicKey: KeyObject, manifest?: ImageManifest | null): Promise<FormatCheck> {
  const { client, ref, digest } = image;
  const tag = legacySignatureTag(digest);
  const check: FormatCheck = { format: 'legacy', location: `${ref.registry}/${ref.repository}:${tag}`, found: 0, valid: 0, problems: [] };
  const sig = manifest === undefined ? await manifestOrNull(client, ref.repository, tag) : manifest;
  for (const layer of sig?.layers ?? []) {
    if (layer.mediaType !== SIMPLE_SIGNING_MEDIA_TYPE) continue;
    check.found++;
    const signature = layer.annotations?.[SIGNATURE_ANNOTATION];
    if (!signature) {
      check.problems.push(`layer ${layer.digest.slice(0, 19)}: no ${SIGNATURE_ANNOTATION} annotation`);
      continue;
    }
    let payload: Uint8Array;
    try {
      payload = await client.getBlob(ref.repository, layer.digest);
    } catch (error) {
      check.problems.push(`layer ${layer.digest.slice(0, 19)}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (!verifyBytes(payload, Buffer.from(signature, 'base64'), publicKey)) {
      check.problems.push(`layer ${layer.digest.slice(0, 19)}: the signature does not verify with this key`);
      continue;
    }
    const why = checkSimpleSigning(payload, digest);
    if (why) {
      check.problems.push(`layer ${layer.digest.slice(0, 19)}: ${why}`);
      continue;
    }
    check.valid++;
  }
  return check;
}

async function checkBundles(image: ResolvedImage, publicKey: KeyObject): Promise<FormatCheck> {
  const { client, ref, digest } = image;
  const { manifests, api } = await client.referrers(ref.repository, digest, BUNDLE_MEDIA_TYPE);
  const location = api ? `referrers of ${ref.registry}/${ref.repository}@${digest}` : `${ref.registry}/${ref.repository}:${fallbackTag(digest)} (referrers tag)`;
  const check: FormatCheck = { format: 'bundle', location, found: 0, valid: 0, problems: [] };
  for (const entry of manifests) {
    check.found++;
    const short = entry.digest.slice(0, 19);
    try {
      const manifest = json((await client.getManifest(ref.repository, entry.digest, [MediaType.ociManifest])).bytes) as ImageManifest;
      if (manifest.subject?.digest !== digest) {
        check.problems.push(`${short}: its subject is ${manifest.subject?.digest ?? 'missing'}`);
        continue;
      }
      const layer = manifest.layers?.find((l) => l.mediaType === BUNDLE_MEDIA_TYPE);
      if (!layer) {
        check.problems.push(`${short}: no bundle layer`);
        continue;
      }
      const why = checkBundle(await client.getBlob(ref.repository, layer.digest), digest, publicKey);
      if (why) {
        check.problems.push(`${short}: ${why}`);
        continue;
      }
      check.valid++;
    } catch (error) {
      check.problems.push(`${short}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return check;
}

export interface VerifyResult {
  /** `registry/repository@sha256:...` that was checked. */
  image: string;
  digest: string;
  checks: FormatCheck[];
  /** True when at least one signature in any format verifies for this digest. */
  valid: boolean;
}

/** Checks the image's cosign signatures in both formats against a public key. */
export async function verifyImage(reference: string, publicKey: KeyObject, options: ResolveOptions = {}): Promise<VerifyResult> {
  const image = await resolveImage(reference, options);
  const checks = [await checkLegacy(image, publicKey), await checkBundles(image, publicKey)];
  return { image: `${image.ref.registry}/${image.ref.repository}@${image.digest}`, digest: image.digest, checks, valid: checks.some((c) => c.valid > 0) };
}

export interface SignOutcome {
  format: SignatureFormat;
  /** `signed`: pushed now; `unchanged`: a valid signature by this key was already there. */
  status: 'signed' | 'unchanged';
  /** Where it is stored: the `.sig` tag or the referrer manifest digest. */
  location: string;
}

async function signLegacy(image: ResolvedImage, privateKey: KeyObject, publicKey: KeyObject): Promise<SignOutcome> {
  const { client, ref, digest } = image;
  const tag = legacySignatureTag(digest);
  const location = `${ref.registry}/${ref.repository}:${tag}`;
  const existing = await manifestOrNull(client, ref.repository, tag);
  if ((await checkLegacy(image, publicKey, existing)).valid > 0) return { format: 'legacy', status: 'unchanged', location };
  const payload = simpleSigningPayload(dockerReference(ref.registry, ref.repository), digest);
  const signature = signBytes(payload, privateKey).toString('base64');
  const payloadDigest = await client.pushBlob(ref.repository, payload);
  const layer: Descriptor = { mediaType: SIMPLE_SIGNING_MEDIA_TYPE, size: payload.byteLength, digest: payloadDigest, annotations: { [SIGNATURE_ANNOTATION]: signature } };
  const layers = [...(existing?.layers ?? []), layer];
  const config = signatureConfig(layers);
  const configDigest = await client.pushBlob(ref.repository, config);
  const manifest = signatureManifest({ mediaType: MediaType.ociConfig, size: config.byteLength, digest: configDigest }, layers);
  await client.putManifest(ref.repository, tag, manifest, MediaType.ociManifest);
  return { format: 'legacy', status: 'signed', location };
}

async function signBundle(image: ResolvedImage, privateKey: KeyObject, publicKey: KeyObject, now: Date): Promise<SignOutcome> {
  const { client, ref, digest } = image;
  const before = await checkBundles(image, publicKey);
  if (before.valid > 0) return { format: 'bundle', status: 'unchanged', location: before.location };
  const bundle = buildBundle(dockerReference(ref.registry, ref.repository), digest, privateKey);
  const bundleDigest = await client.pushBlob(ref.repository, bundle);
  await client.pushBlob(ref.repository, EMPTY_JSON);
  const created = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const manifest = bundleReferrerManifest({ mediaType: BUNDLE_MEDIA_TYPE, size: bundle.byteLength, digest: bundleDigest }, image.descriptor, created);
  const { digest: manifestDigest, subjectAccepted } = await client.putManifest(ref.repository, sha256Digest(manifest), manifest, MediaType.ociManifest);
  if (!subjectAccepted) {
    // No referrers API (distribution 2.8): list it in the sha256-<hex> tag index, as the OCI spec's fallback says.
    await client.addToFallbackIndex(ref.repository, digest, {
      mediaType: MediaType.ociManifest,
      digest: manifestDigest,
      size: manifest.byteLength,
      artifactType: BUNDLE_MEDIA_TYPE,
      annotations: { [BUNDLE_CONTENT_ANNOTATION]: 'dsse-envelope', [BUNDLE_PREDICATE_ANNOTATION]: COSIGN_SIGN_PREDICATE, 'org.opencontainers.image.created': created },
    });
  }
  return { format: 'bundle', status: 'signed', location: `${ref.registry}/${ref.repository}@${manifestDigest}` };
}

export interface SignResult {
  image: ResolvedImage;
  outcomes: SignOutcome[];
}

/** Signs the image's current digest with a P-256 key in the chosen formats and pushes the signatures. */
export async function signImage(reference: string, privateKey: KeyObject, format: FormatChoice, options: ResolveOptions & { now?: Date } = {}): Promise<SignResult> {
  const image = await resolveImage(reference, options);
  const publicKey = createPublicKey(privateKey);
  const outcomes: SignOutcome[] = [];
  for (const f of formatsOf(format)) {
    outcomes.push(f === 'legacy' ? await signLegacy(image, privateKey, publicKey) : await signBundle(image, privateKey, publicKey, options.now ?? new Date()));
  }
  return { image, outcomes };
}
