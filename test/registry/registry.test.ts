import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, RegistryError, listTags, resolveDigest, anonymous } from '../../src/registry/index.js';
import { MediaType } from '../../src/registry/media-types.js';
import { describeWith } from '../helpers/requirements.js';
import { pushTestImage, rawGet, registryMissing, testRegistry, uniqueRepo } from './test-registry.js';

describeWith(registryMissing, 'registry client against a real registry', () => {
  const client = new RegistryClient(testRegistry);
  const repo = uniqueRepo('resolve');
  let pushed: { digest: string; manifest: Uint8Array };

  beforeAll(async () => {
    pushed = await pushTestImage(client, repo, '1.0');
  });

  it('resolves a tag to the sha256 of the stored manifest bytes', async () => {
    const digest = await resolveDigest(`${testRegistry}/${repo}:1.0`, { credentials: anonymous });
    expect(digest).toBe(`sha256:${createHash('sha256').update(pushed.manifest).digest('hex')}`);
    const raw = await rawGet(`/v2/${repo}/manifests/1.0`, MediaType.ociManifest);
    expect(raw.headers.get('docker-content-digest')).toBe(digest);
  });

  it('asks the mirror for host/path:tag as R/path:tag', async () => {
    // The image lives at <registry>/<repo>; the reference names another host with the same path.
    const digest = await resolveDigest(`gcr.io/${repo}:1.0`, { registry: testRegistry, credentials: anonymous });
    expect(digest).toBe(pushed.digest);
  });

  it('fetches manifests as raw bytes and verifies blobs by digest', async () => {
    const raw = await client.getManifest(repo, pushed.digest);
    expect(Buffer.from(raw.bytes).equals(Buffer.from(pushed.manifest))).toBe(true);
    expect(raw.mediaType).toBe(MediaType.ociManifest);
    const manifest = JSON.parse(Buffer.from(raw.bytes).toString()) as { layers: Array<{ digest: string }> };
    const blob = await client.getBlob(repo, manifest.layers[0].digest);
    expect(Buffer.from(blob).toString()).toMatch(/^layer /);
  });

  it('lists tags and tells a missing tag apart', async () => {
    await pushTestImage(client, repo, '2.0');
    expect((await listTags(`${testRegistry}/${repo}:1.0`, { credentials: anonymous })).sort()).toEqual(['1.0', '2.0']);
    const error = await resolveDigest(`${testRegistry}/${repo}:nope`, { credentials: anonymous }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).code).toBe('not-found');
  });

  it('falls back to the sha256-<hex> tag index where there is no referrers API', async () => {
    const before = await client.referrers(repo, pushed.digest);
    expect(before.manifests).toEqual([]);
    const descriptor = { mediaType: MediaType.ociManifest, digest: pushed.digest, size: pushed.manifest.byteLength, artifactType: 'application/x-test' };
    await client.addToFallbackIndex(repo, pushed.digest, descriptor);
    await client.addToFallbackIndex(repo, pushed.digest, descriptor);
    const after = await client.referrers(repo, pushed.digest, 'application/x-test');
    expect(after.manifests.map((m) => m.digest)).toEqual([pushed.digest]);
  });

  describe('behind a Bearer token service', () => {
    // A front that demands tokens, as Docker Hub and GHCR do, relaying to the real registry.
    let server: http.Server;
    let front: string;
    const issued: string[] = [];
    beforeAll(async () => {
      server = http.createServer(async (req, res) => {
        const url = new URL(req.url ?? '/', 'http://x');
        if (url.pathname === '/token') {
          issued.push(`${url.searchParams.get('service')} ${url.searchParams.get('scope')} ${req.headers.authorization ?? 'anonymous'}`);
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ token: 'tok-123' }));
          return;
        }
        if (req.headers.authorization !== 'Bearer tok-123') {
          res.statusCode = 401;
          res.setHeader('www-authenticate', `Bearer realm="http://${front}/token",service="test-registry",scope="repository:${repo}:pull"`);
          res.end('{"errors":[{"code":"UNAUTHORIZED"}]}');
          return;
        }
        const upstream = await fetch(`http://${testRegistry}${req.url}`, { method: req.method, headers: { accept: String(req.headers.accept ?? '') } });
        res.statusCode = upstream.status;
        upstream.headers.forEach((value, key) => res.setHeader(key, value));
        res.end(Buffer.from(await upstream.arrayBuffer()));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      front = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('answers the challenge with an anonymous token and sends it', async () => {
      const digest = await resolveDigest(`${front}/${repo}:1.0`, { credentials: anonymous });
      expect(digest).toBe(pushed.digest);
      expect(issued).toEqual([`test-registry repository:${repo}:pull anonymous`]);
    });

    it('sends Basic credentials to the token service', async () => {
      issued.length = 0;
      const credentials = async (host: string) => (host === front ? { kind: 'basic' as const, username: 'ann', password: 's3cret' } : null);
      await resolveDigest(`${front}/${repo}:1.0`, { credentials });
      expect(issued).toEqual([`test-registry repository:${repo}:pull Basic ${Buffer.from('ann:s3cret').toString('base64')}`]);
    });
  });
});

describeWith(registryMissing, 'registry client behind Basic auth', () => {
  // A front that answers with a Basic challenge, as a registry with htpasswd does, relaying to the real one.
  let server: http.Server;
  let front: string;
  const repo = uniqueRepo('basic');
  beforeAll(async () => {
    await pushTestImage(new RegistryClient(testRegistry), repo, '1.0');
    server = http.createServer(async (req, res) => {
      if (req.headers.authorization !== `Basic ${Buffer.from('ann:pw').toString('base64')}`) {
        res.statusCode = 401;
        res.setHeader('www-authenticate', 'Basic realm="basic-realm"');
        res.end();
        return;
      }
      const upstream = await fetch(`http://${testRegistry}${req.url}`, { method: req.method, headers: { accept: String(req.headers.accept ?? '') } });
      res.statusCode = upstream.status;
      upstream.headers.forEach((value, key) => res.setHeader(key, value));
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    front = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the credentials for that exact host, and says to log in without them', async () => {
    const credentials = async (host: string) => (host === front ? { kind: 'basic' as const, username: 'ann', password: 'pw' } : null);
    expect(await resolveDigest(`${front}/${repo}:1.0`, { credentials })).toMatch(/^sha256:[a-f0-9]{64}$/);
    const error = await resolveDigest(`${front}/${repo}:1.0`, { credentials: anonymous }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).code).toBe('unauthorized');
    expect((error as RegistryError).oneLine()).toBe(`harden-init: the registry requires credentials for ${repo} (${front}): run \`docker login ${front}\``);
  });
});

describe('referrers API', () => {
  it('uses the referrers API when the registry has one, filtering by artifactType', async () => {
    const subject = `sha256:${'d'.repeat(64)}`;
    const index = {
      schemaVersion: 2,
      mediaType: MediaType.ociIndex,
      manifests: [
        { mediaType: MediaType.ociManifest, digest: `sha256:${'1'.repeat(64)}`, size: 1, artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json' },
        { mediaType: MediaType.ociManifest, digest: `sha256:${'2'.repeat(64)}`, size: 1, artifactType: 'application/spdx+json' },
      ],
    };
    const urls: string[] = [];
    const registryWithApi: typeof fetch = async (input) => {
      urls.push(String(input));
      return new Response(JSON.stringify(index), { status: 200, headers: { 'content-type': MediaType.ociIndex } });
    };
    const client = new RegistryClient('registry.example.com', { fetch: registryWithApi });
    const found = await client.referrers('acme/app', subject, 'application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(found.api).toBe(true);
    expect(found.manifests.map((m) => m.digest)).toEqual([`sha256:${'1'.repeat(64)}`]);
    expect(urls).toEqual([`https://registry.example.com/v2/acme/app/referrers/${subject}?artifactType=application%2Fvnd.dev.sigstore.bundle.v0.3%2Bjson`]);
  });
});

describe('registry client failures', () => {
  it('throws a typed offline error when nothing listens', async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = await resolveDigest(`127.0.0.1:${port}/x/y:1`, { credentials: anonymous, timeoutMs: 2000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).code).toBe('unreachable');
    expect((error as RegistryError).offline).toBe(true);
  });

  it('throws a typed timeout when the registry does not answer in time', async () => {
    const server = http.createServer(() => {
      // Never answers.
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const error = await resolveDigest(`127.0.0.1:${port}/x/y:1`, { credentials: anonymous, timeoutMs: 300 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RegistryError);
      expect((error as RegistryError).code).toBe('timeout');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('never uses plain HTTP for a remote registry unless told to', async () => {
    const urls: string[] = [];
    const recording: typeof fetch = async (input) => {
      urls.push(String(input));
      throw new TypeError('fetch failed');
    };
    await resolveDigest('registry.example.com/app:1', { fetch: recording, credentials: anonymous }).catch(() => undefined);
    expect(urls.every((u) => u.startsWith('https://'))).toBe(true);
    urls.length = 0;
    await resolveDigest('registry.example.com/app:1', { fetch: recording, credentials: anonymous, insecureRegistry: true }).catch(() => undefined);
    expect(urls).toEqual(['https://registry.example.com/v2/', 'http://registry.example.com/v2/']);
  });

  it('asks Docker Hub on registry-1.docker.io with the full Accept list', async () => {
    const seen: Array<{ url: string; accept: string | null }> = [];
    const recording: typeof fetch = async (input, init) => {
      seen.push({ url: String(input), accept: new Headers(init?.headers).get('accept') });
      return new Response(null, { status: 200, headers: { 'docker-content-digest': `sha256:${'a'.repeat(64)}` } });
    };
    expect(await resolveDigest('node:22', { fetch: recording, credentials: anonymous })).toBe(`sha256:${'a'.repeat(64)}`);
    expect(seen[0].url).toBe('https://registry-1.docker.io/v2/library/node/manifests/22');
    expect(seen[0].accept?.split(', ')).toEqual([MediaType.dockerManifestList, MediaType.dockerManifest, MediaType.ociIndex, MediaType.ociManifest]);
  });
});
