import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { RegistryClient, anonymous } from '../../src/registry/index.js';
import { MediaType } from '../../src/registry/media-types.js';
import {
  BUNDLE_CONTENT_ANNOTATION,
  BUNDLE_MEDIA_TYPE,
  BUNDLE_PREDICATE_ANNOTATION,
  COSIGN_SIGN_PREDICATE,
  SIGNATURE_ANNOTATION,
  SIMPLE_SIGNING_MEDIA_TYPE,
  simpleSigningPayload,
} from '../../src/sign/formats.js';
import { legacySignatureTag, signImage, verifyImage } from '../../src/sign/image.js';
import { describeWith } from '../helpers/requirements.js';
import { pushTestImage, rawGet, registryMissing, testRegistry, uniqueRepo } from '../registry/test-registry.js';

const options = { credentials: anonymous };
const keyPair = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const json = (bytes: Uint8Array) => JSON.parse(Buffer.from(bytes).toString()) as any;

describeWith(registryMissing, 'signing and verifying images in a registry', () => {
  const client = new RegistryClient(testRegistry);
  let privateKey: KeyObject;
  let publicKey: KeyObject;
  beforeAll(() => {
    ({ privateKey, publicKey } = keyPair());
  });

  it('legacy: signs, verifies, and stores what cosign expects', async () => {
    const repo = uniqueRepo('legacy');
    const image = await pushTestImage(client, repo, '1.0');
    const ref = `${testRegistry}/${repo}:1.0`;
    const result = await signImage(ref, privateKey, 'legacy', options);
    expect(result.outcomes).toEqual([{ format: 'legacy', status: 'signed', location: `${testRegistry}/${repo}:${legacySignatureTag(image.digest)}` }]);

    const verified = await verifyImage(ref, publicKey, options);
    expect(verified.valid).toBe(true);
    expect(verified.checks.map((c) => [c.format, c.found, c.valid])).toEqual([
      ['legacy', 1, 1],
      ['bundle', 0, 0],
    ]);

    // Read back over raw HTTP, with no client logic in between.
    const tag = `sha256-${image.digest.slice('sha256:'.length)}.sig`;
    const raw = await rawGet(`/v2/${repo}/manifests/${tag}`, MediaType.ociManifest);
    expect(raw.status).toBe(200);
    const manifest = json(raw.bytes);
    expect(manifest.mediaType).toBe(MediaType.ociManifest);
    expect(manifest.config.mediaType).toBe(MediaType.ociConfig);
    expect(manifest.layers).toHaveLength(1);
    expect(manifest.layers[0].mediaType).toBe(SIMPLE_SIGNING_MEDIA_TYPE);
    expect(manifest.layers[0].annotations[SIGNATURE_ANNOTATION]).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const payload = json((await rawGet(`/v2/${repo}/blobs/${manifest.layers[0].digest}`)).bytes);
    expect(payload).toEqual({
      critical: { identity: { 'docker-reference': `${testRegistry}/${repo}` }, image: { 'docker-manifest-digest': image.digest }, type: 'cosign container image signature' },
      optional: null,
    });
    const config = json((await rawGet(`/v2/${repo}/blobs/${manifest.config.digest}`)).bytes);
    expect(config.rootfs.diff_ids).toEqual([manifest.layers[0].digest]);
  });

  it('bundle: signs, verifies, and stores a referrer with subject and artifactType', async () => {
    const repo = uniqueRepo('bundle');
    const image = await pushTestImage(client, repo, '1.0');
    const ref = `${testRegistry}/${repo}:1.0`;
    const result = await signImage(ref, privateKey, 'bundle', options);
    expect(result.outcomes[0].status).toBe('signed');

    const verified = await verifyImage(ref, publicKey, options);
    expect(verified.checks.map((c) => [c.format, c.found, c.valid])).toEqual([
      ['legacy', 0, 0],
      ['bundle', 1, 1],
    ]);

    // distribution 2.8 has no referrers API: the referrer is listed in the sha256-<hex> tag index.
    const index = await rawGet(`/v2/${repo}/manifests/sha256-${image.digest.slice(7)}`, MediaType.ociIndex);
    expect(index.status).toBe(200);
    const entries = json(index.bytes).manifests;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ mediaType: MediaType.ociManifest, artifactType: BUNDLE_MEDIA_TYPE, annotations: { [BUNDLE_CONTENT_ANNOTATION]: 'dsse-envelope', [BUNDLE_PREDICATE_ANNOTATION]: COSIGN_SIGN_PREDICATE } });
    const referrer = json((await rawGet(`/v2/${repo}/manifests/${entries[0].digest}`, MediaType.ociManifest)).bytes);
    expect(referrer.artifactType).toBe(BUNDLE_MEDIA_TYPE);
    expect(referrer.config).toEqual({ mediaType: MediaType.ociEmpty, digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a', size: 2 });
    expect(referrer.subject).toEqual({ mediaType: MediaType.ociManifest, digest: image.digest, size: image.manifest.byteLength });
    expect(referrer.layers[0].mediaType).toBe(BUNDLE_MEDIA_TYPE);
    const bundle = json((await rawGet(`/v2/${repo}/blobs/${referrer.layers[0].digest}`)).bytes);
    expect(bundle.mediaType).toBe(BUNDLE_MEDIA_TYPE);
    expect(bundle.dsseEnvelope.payloadType).toBe('application/vnd.in-toto+json');
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString());
    expect(statement).toMatchObject({ _type: 'https://in-toto.io/Statement/v1', predicateType: COSIGN_SIGN_PREDICATE, subject: [{ digest: { sha256: image.digest.slice(7) } }] });
  });

  it('re-signing in both formats adds no duplicate', async () => {
    const repo = uniqueRepo('idempotent');
    const image = await pushTestImage(client, repo, '1.0');
    const ref = `${testRegistry}/${repo}:1.0`;
    await signImage(ref, privateKey, 'both', options);
    const again = await signImage(ref, privateKey, 'both', options);
    expect(again.outcomes.map((o) => o.status)).toEqual(['unchanged', 'unchanged']);
    const sig = json((await rawGet(`/v2/${repo}/manifests/${legacySignatureTag(image.digest)}`, MediaType.ociManifest)).bytes);
    expect(sig.layers).toHaveLength(1);
    const index = json((await rawGet(`/v2/${repo}/manifests/sha256-${image.digest.slice(7)}`, MediaType.ociIndex)).bytes);
    expect(index.manifests).toHaveLength(1);

    // A second key adds its own signature next to the first one, in each format.
    const other = keyPair();
    await signImage(ref, other.privateKey, 'both', options);
    const merged = json((await rawGet(`/v2/${repo}/manifests/${legacySignatureTag(image.digest)}`, MediaType.ociManifest)).bytes);
    expect(merged.layers).toHaveLength(2);
    const both = await verifyImage(ref, publicKey, options);
    expect(both.checks.map((c) => [c.found, c.valid])).toEqual([
      [2, 1],
      [2, 1],
    ]);
  });

  it('fails with the wrong key', async () => {
    const repo = uniqueRepo('wrong-key');
    await pushTestImage(client, repo, '1.0');
    const ref = `${testRegistry}/${repo}:1.0`;
    await signImage(ref, privateKey, 'both', options);
    const result = await verifyImage(ref, keyPair().publicKey, options);
    expect(result.valid).toBe(false);
    expect(result.checks.map((c) => [c.found, c.valid])).toEqual([
      [1, 0],
      [1, 0],
    ]);
    expect(result.checks[0].problems[0]).toMatch(/does not verify with this key/);
  });

  it('fails when the payload blob was swapped', async () => {
    const repo = uniqueRepo('tampered');
    const image = await pushTestImage(client, repo, '1.0');
    const ref = `${testRegistry}/${repo}:1.0`;
    await signImage(ref, privateKey, 'legacy', options);
    const tag = legacySignatureTag(image.digest);
    const sig = json((await client.getManifest(repo, tag)).bytes);
    // Same annotation (a signature over the real payload), layer now points at a different payload.
    const forged = simpleSigningPayload(`${testRegistry}/${repo}`, image.digest);
    const tampered = new Uint8Array([...forged.slice(0, -1), 32, 125]);
    sig.layers[0].digest = await client.pushBlob(repo, tampered);
    sig.layers[0].size = tampered.byteLength;
    await client.putManifest(repo, tag, new TextEncoder().encode(JSON.stringify(sig)), MediaType.ociManifest);
    const result = await verifyImage(ref, publicKey, options);
    expect(result.valid).toBe(false);
    expect(result.checks[0].problems[0]).toMatch(/does not verify/);
  });

  it('fails when a different image was pushed to the same tag', async () => {
    const repo = uniqueRepo('retagged');
    await pushTestImage(client, repo, '1.0');
    const ref = `${testRegistry}/${repo}:1.0`;
    await signImage(ref, privateKey, 'both', options);
    expect((await verifyImage(ref, publicKey, options)).valid).toBe(true);
    const replacement = await pushTestImage(client, repo, '1.0');
    const result = await verifyImage(ref, publicKey, options);
    expect(result.digest).toBe(replacement.digest);
    expect(result.valid).toBe(false);
    expect(result.checks.map((c) => c.found)).toEqual([0, 0]);
  });

  it('fails when there is no signature', async () => {
    const repo = uniqueRepo('unsigned');
    await pushTestImage(client, repo, '1.0');
    const result = await verifyImage(`${testRegistry}/${repo}:1.0`, publicKey, options);
    expect(result.valid).toBe(false);
  });
});
