import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { RegistryClient } from '../../src/registry/client.js';
import { MediaType } from '../../src/registry/media-types.js';

/** The registry the suites push to: scripts/test-env.sh serves it on 127.0.0.1:5000. */
export const testRegistry = process.env.HARDEN_INIT_TEST_REGISTRY ?? '127.0.0.1:5000';

function probe(): Promise<string | null> {
  const [host, port] = testRegistry.split(':');
  return new Promise((resolve) => {
    const req = http.get({ host, port: Number(port ?? 80), path: '/v2/', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200 ? null : `registry at ${testRegistry} answered HTTP ${res.statusCode}`);
    });
    req.on('error', () => resolve(`no registry at ${testRegistry} (run scripts/test-env.sh)`));
    req.on('timeout', () => {
      req.destroy();
      resolve(`no registry at ${testRegistry} (run scripts/test-env.sh)`);
    });
  });
}

/** null when the test registry answers, else why not (for describeWith). */
export const registryMissing: string | null = await probe();

/** A fresh repository name per run, so suites never see each other's tags. */
export function uniqueRepo(name: string): string {
  return `harden-init-test/${name}-${randomBytes(4).toString('hex')}`;
}

export interface PushedImage {
  digest: string;
  manifest: Uint8Array;
}

/** Pushes a small, distinct OCI image (config + one layer) with the client under test; no Docker needed. */
export async function pushTestImage(client: RegistryClient, repository: string, tag: string, seed = randomBytes(8).toString('hex')): Promise<PushedImage> {
  const layer = new TextEncoder().encode(`layer ${seed}`);
  const config = new TextEncoder().encode(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, config: { Labels: { seed } } }));
  const layerDigest = await client.pushBlob(repository, layer);
  const configDigest = await client.pushBlob(repository, config);
  const manifest = new TextEncoder().encode(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.ociManifest,
      config: { mediaType: MediaType.ociConfig, digest: configDigest, size: config.byteLength },
      layers: [{ mediaType: MediaType.ociLayer, digest: layerDigest, size: layer.byteLength }],
    }),
  );
  const { digest } = await client.putManifest(repository, tag, manifest, MediaType.ociManifest);
  return { digest, manifest };
}

/** GET over plain HTTP with no client logic in between, to read back what is stored. */
export async function rawGet(path: string, accept?: string): Promise<{ status: number; headers: Headers; bytes: Uint8Array }> {
  const response = await fetch(`http://${testRegistry}${path}`, { headers: accept ? { accept } : {} });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}
