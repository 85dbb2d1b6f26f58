import { createHash, createPublicKey, sign as ecSign, verify as ecVerify, type KeyObject } from 'node:crypto';
import { MediaType, type Descriptor } from '../registry/media-types.js';

/** cosign's "legacy" signature format: simple-signing payloads as layers of a `sha256-<hex>.sig` manifest. */
export const SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
export const SIMPLE_SIGNING_TYPE = 'cosign container image signature';

/** Sigstore bundle v0.3, attached to the image as an OCI 1.1 referrer. */
export const BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
/** The predicate type cosign uses for an image signature expressed as an in-toto statement. */
export const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';
export const BUNDLE_CONTENT_ANNOTATION = 'dev.sigstore.bundle.content';
export const BUNDLE_PREDICATE_ANNOTATION = 'dev.sigstore.bundle.predicateType';

/** The OCI empty descriptor's content: `{}`. */
export const EMPTY_JSON = new TextEncoder().encode('{}');

const encoder = new TextEncoder();

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `docker.io/library/node` as cosign writes it: Docker Hub under its index host, like go-containerregistry. */
export function dockerReference(registry: string, repository: string): string {
  return `${registry === 'docker.io' ? 'index.docker.io' : registry}/${repository}`;
}

/** The simple-signing payload cosign signs for an image digest (key order as cosign writes it). */
export function simpleSigningPayload(reference: string, digest: string): Uint8Array {
  return encoder.encode(
    JSON.stringify({
      critical: { identity: { 'docker-reference': reference }, image: { 'docker-manifest-digest': digest }, type: SIMPLE_SIGNING_TYPE },
      optional: null,
    }),
  );
}

/** ECDSA-SHA256 signature, ASN.1 DER, as cosign produces and expects. */
export function signBytes(bytes: Uint8Array, privateKey: KeyObject): Buffer {
  return ecSign('sha256', bytes, privateKey);
}

export function verifyBytes(bytes: Uint8Array, signature: Uint8Array, publicKey: KeyObject): boolean {
  try {
    return ecVerify('sha256', bytes, publicKey, signature);
  } catch {
    return false;
  }
}

/** Why a payload does not vouch for a digest, or null when it does. */
export function checkSimpleSigning(payload: Uint8Array, digest: string): string | null {
  let parsed: { critical?: { type?: string; image?: { 'docker-manifest-digest'?: string } } };
  try {
    parsed = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch {
    return 'the payload is not JSON';
  }
  if (parsed.critical?.type !== SIMPLE_SIGNING_TYPE) return `the payload type is "${parsed.critical?.type ?? ''}"`;
  const signed = parsed.critical?.image?.['docker-manifest-digest'];
  if (signed !== digest) return `the payload is for ${signed ?? 'no digest'}`;
  return null;
}

/** The config blob of a signature image: one diff id per payload layer, zero times, like cosign's. */
export function signatureConfig(layers: Descriptor[]): Uint8Array {
  return encoder.encode(
    JSON.stringify({
      architecture: '',
      created: '0001-01-01T00:00:00Z',
      history: layers.map(() => ({ created: '0001-01-01T00:00:00Z' })),
      os: '',
      rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.digest) },
      config: {},
    }),
  );
}

/** An OCI manifest holding simple-signing layers. */
export function signatureManifest(config: Descriptor, layers: Descriptor[]): Uint8Array {
  return encoder.encode(JSON.stringify({ schemaVersion: 2, mediaType: MediaType.ociManifest, config, layers }));
}

/** DSSE pre-authentication encoding: what is actually signed. */
export function pae(payloadType: string, payload: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), Buffer.from(payload)]);
}

/** An in-toto v1 statement whose subject is the image digest. */
export function inTotoStatement(name: string, digest: string): Uint8Array {
  return encoder.encode(
    JSON.stringify({
      _type: IN_TOTO_STATEMENT_TYPE,
      subject: [{ name, digest: { sha256: digest.replace(/^sha256:/, '') } }],
      predicateType: COSIGN_SIGN_PREDICATE,
      predicate: {},
    }),
  );
}

export interface SigstoreBundle {
  mediaType: string;
  verificationMaterial: { publicKey?: { hint: string }; tlogEntries?: unknown[]; timestampVerificationData?: unknown };
  dsseEnvelope?: { payload: string; payloadType: string; signatures: Array<{ sig: string; keyid?: string }> };
}

/** The hint cosign uses for a public key: base64 SHA-256 of its SPKI DER. */
export function publicKeyHint(key: KeyObject): string {
  const spki = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'der', type: 'spki' });
  return createHash('sha256').update(spki).digest('base64');
}

/** A Sigstore bundle v0.3 with a DSSE envelope over an in-toto statement for `digest`; no transparency log entry. */
export function buildBundle(name: string, digest: string, privateKey: KeyObject): Uint8Array {
  const statement = inTotoStatement(name, digest);
  const signature = signBytes(pae(IN_TOTO_PAYLOAD_TYPE, statement), privateKey);
  const bundle: SigstoreBundle = {
    mediaType: BUNDLE_MEDIA_TYPE,
    verificationMaterial: { publicKey: { hint: publicKeyHint(privateKey) }, tlogEntries: [], timestampVerificationData: {} },
    dsseEnvelope: {
      payload: Buffer.from(statement).toString('base64'),
      payloadType: IN_TOTO_PAYLOAD_TYPE,
      signatures: [{ sig: signature.toString('base64'), keyid: '' }],
    },
  };
  return encoder.encode(JSON.stringify(bundle));
}

/** Why a bundle does not carry a valid signature by `publicKey` for `digest`, or null when it does. */
export function checkBundle(bytes: Uint8Array, digest: string, publicKey: KeyObject): string | null {
  let bundle: SigstoreBundle;
  try {
    bundle = JSON.parse(Buffer.from(bytes).toString('utf8')) as SigstoreBundle;
  } catch {
    return 'the bundle is not JSON';
  }
  if (!/^application\/vnd\.dev\.sigstore\.bundle(\.v0\.3\+json|\+json;version=0\.[23])$/.test(bundle.mediaType ?? '')) return `unsupported bundle media type "${bundle.mediaType}"`;
  const envelope = bundle.dsseEnvelope;
  if (!envelope) return 'the bundle has no DSSE envelope';
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) return `the envelope payload type is "${envelope.payloadType}"`;
  const payload = Buffer.from(envelope.payload ?? '', 'base64');
  const message = pae(envelope.payloadType, payload);
  if (!(envelope.signatures ?? []).some((s) => verifyBytes(message, Buffer.from(s.sig ?? '', 'base64'), publicKey))) {
    return 'no envelope signature verifies with this key';
  }
  let statement: { _type?: string; subject?: Array<{ digest?: { sha256?: string } }> };
  try {
    statement = JSON.parse(payload.toString('utf8'));
  } catch {
    return 'the statement is not JSON';
  }
  if (statement._type !== IN_TOTO_STATEMENT_TYPE && statement._type !== 'https://in-toto.io/Statement/v0.1') return `the statement type is "${statement._type}"`;
  const hex = digest.replace(/^sha256:/, '');
  if (!(statement.subject ?? []).some((s) => s.digest?.sha256 === hex)) return 'the statement is about another digest';
  return null;
}

/** The referrer manifest that attaches a bundle to an image (OCI 1.1 artifact with a subject). */
export function bundleReferrerManifest(bundle: Descriptor, subject: Descriptor, created: string): Uint8Array {
  return encoder.encode(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.ociManifest,
      artifactType: BUNDLE_MEDIA_TYPE,
      config: { mediaType: MediaType.ociEmpty, digest: `sha256:${sha256Hex(EMPTY_JSON)}`, size: EMPTY_JSON.byteLength },
      layers: [bundle],
      subject,
      annotations: {
        [BUNDLE_CONTENT_ANNOTATION]: 'dsse-envelope',
        [BUNDLE_PREDICATE_ANNOTATION]: COSIGN_SIGN_PREDICATE,
        'org.opencontainers.image.created': created,
      },
    }),
  );
}
