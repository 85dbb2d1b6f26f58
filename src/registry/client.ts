import { createHash } from 'node:crypto';
import { anonymous, type CredentialSource, type Credentials } from './credentials.js';
import { RegistryError } from './errors.js';
import { MANIFEST_ACCEPT, MediaType, type Descriptor, type ImageIndex } from './media-types.js';
import { apiHost, isLoopback } from './ref.js';

export interface RegistryClientOptions {
  /** Allow plain HTTP to a registry that is not on loopback. Default false. */
  insecure?: boolean;
  /** Per-request timeout. Default 15 000 ms. */
  timeoutMs?: number;
  /** The fetch to use. Default: the global fetch. */
  fetch?: typeof fetch;
  /** Where credentials come from. Default: anonymous. */
  credentials?: CredentialSource;
}

/** A manifest exactly as the registry stored it: the digest is over these bytes, never a re-serialisation. */
export interface RawManifest {
  bytes: Uint8Array;
  mediaType: string;
  digest: string;
}

export type Action = 'pull' | 'push';

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

const DIGEST_RE = /^sha256:[a-f0-9]{64}$/;

interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** Parses `Bearer realm="https://auth",service="registry",scope="repository:x:pull"`. */
export function parseChallenge(header: string): Challenge | null {
  const match = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!match) return null;
  const params: Record<string, string> = {};
  const re = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(match[2])) !== null) params[m[1].toLowerCase()] = (m[2] ?? m[3]).replace(/\\(.)/g, '$1');
  return { scheme: match[1].toLowerCase(), params };
}

interface RequestSpec {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  /** Path under the API root (`/v2/...`) or an absolute URL the registry handed back (upload locations). */
  path: string;
  repository: string;
  actions: Action[];
  headers?: Record<string, string>;
  body?: Uint8Array;
}

/**
 * A client for one registry's v2 API: HTTPS (plain HTTP only for loopback or when allowed),
 * anonymous, Basic and Bearer-token auth driven by the WWW-Authenticate challenge.
 */
export class RegistryClient {
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly credentials: CredentialSource;
  private base: Promise<string> | null = null;
  private readonly authorization = new Map<string, string>();
  private creds: Promise<Credentials | null> | null = null;

  constructor(
    /** Registry host as in a reference: `docker.io`, `127.0.0.1:5000`. */
    readonly registry: string,
    private readonly options: RegistryClientOptions = {},
  ) {
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.credentials = options.credentials ?? anonymous;
  }

  /** Plain HTTP is allowed here: loopback, or the caller said so. */
  get plainHttpAllowed(): boolean {
    return isLoopback(this.registry) || this.options.insecure === true;
  }

  private where(): string {
    return this.registry;
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await this.fetchImpl(url, { ...init, redirect: 'follow', signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw this.networkError(error, url);
    }
  }

  private networkError(error: unknown, url: string): RegistryError {
    const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
      return new RegistryError('timeout', `registry did not answer within ${this.timeoutMs} ms`, this.where(), 'check the network or the registry address; offline, use --no-pin');
    }
    const code = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? 'error';
    return new RegistryError('unreachable', `cannot reach the registry (${code} on ${new URL(url).origin})`, this.where(), 'check the registry address and the network; offline, use --no-pin');
  }

  /** Picks https, or http for loopback/insecure registries that do not speak TLS (as Docker does). */
  private baseUrl(): Promise<string> {
    this.base ??= (async () => {
      const host = apiHost(this.registry);
      const https = `https://${host}`;
      if (!this.plainHttpAllowed) return https;
      try {
        await this.send(`${https}/v2/`, { method: 'GET' });
        return https;
      } catch (error) {
        if (error instanceof RegistryError && error.code === 'timeout') throw error;
        const http = `http://${host}`;
        await this.send(`${http}/v2/`, { method: 'GET' });
        return http;
      }
    })();
    this.base.catch(() => (this.base = null));
    return this.base;
  }

  private scope(repository: string, actions: Action[]): string {
    return `repository:${repository}:${actions.join(',')}`;
  }

  private getCredentials(): Promise<Credentials | null> {
    this.creds ??= this.credentials(this.registry);
    return this.creds;
  }

  private async authorize(challenge: Challenge, scope: string): Promise<string | null> {
    const creds = await this.getCredentials();
    if (challenge.scheme === 'basic') {
      if (!creds || creds.kind !== 'basic') return null;
      return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
    }
    if (challenge.scheme !== 'bearer' || !challenge.params.realm) return null;
    const realm = new URL(challenge.params.realm);
    if (realm.protocol !== 'https:' && !(realm.protocol === 'http:' && (this.plainHttpAllowed || isLoopback(realm.host)))) {
      throw new RegistryError('insecure', `the registry sends credentials to a plain-HTTP token service (${realm.origin})`, this.where(), 'use --insecure-registry only if you trust this network');
    }
    const service = challenge.params.service;
    let response: Response;
    if (creds?.kind === 'identity-token') {
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: creds.token, client_id: 'harden-init', scope });
      if (service) form.set('service', service);
      response = await this.send(realm.toString(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    } else {
      if (service) realm.searchParams.set('service', service);
      realm.searchParams.set('scope', scope);
      const headers: Record<string, string> = {};
      if (creds?.kind === 'basic') headers.authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
      response = await this.send(realm.toString(), { method: 'GET', headers });
    }
    if (!response.ok) {
      await response.body?.cancel();
      const code = response.status === 401 || response.status === 403 ? 'unauthorized' : 'http';
      throw new RegistryError(code, `the token service refused access (HTTP ${response.status} for ${scope})`, this.where(), 'log in with `docker login` or check the repository name');
    }
    const body = (await response.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw new RegistryError('protocol', 'the token service answered without a token', this.where(), 'check the registry; this is not a standard token service');
    return `Bearer ${token}`;
  }

  /** One API call with auth: retries once after answering the registry's challenge. */
  async request(spec: RequestSpec): Promise<Response> {
    const base = await this.baseUrl();
    const url = /^https?:\/\//.test(spec.path) ? spec.path : `${base}${spec.path}`;
    if (new URL(url).protocol === 'http:' && !this.plainHttpAllowed) {
      throw new RegistryError('insecure', 'the registry redirected to plain HTTP', this.where(), 'pass --insecure-registry if you trust this network');
    }
    const scope = this.scope(spec.repository, spec.actions);
    const attempt = (auth: string | undefined) =>
      this.send(url, {
        method: spec.method,
        headers: { 'user-agent': 'harden-init', ...spec.headers, ...(auth ? { authorization: auth } : {}) },
        body: spec.body,
      });
    let response = await attempt(this.authorization.get(scope));
    if (response.status === 401) {
      const header = response.headers.get('www-authenticate');
      await response.body?.cancel();
      const challenge = header ? parseChallenge(header) : null;
      const auth = challenge ? await this.authorize(challenge, scope) : null;
      if (!auth) {
        throw new RegistryError('unauthorized', `the registry requires credentials for ${spec.repository}`, this.where(), `run \`docker login ${this.registry}\``, 401);
      }
      this.authorization.set(scope, auth);
      response = await attempt(auth);
    }
    return response;
  }

  private async fail(response: Response, what: string): Promise<never> {
    let detail = '';
    if (response.status !== 0 && response.body) {
      try {
        const text = await response.text();
        const parsed = JSON.parse(text) as { errors?: Array<{ code?: string; message?: string }> };
        const first = parsed.errors?.[0];
        if (first) detail = `: ${first.code ?? ''}${first.message ? ` ${first.message}` : ''}`.trimEnd();
      } catch {
        // Not an error document: the status is all we have.
      }
    }
    const status = response.status;
    if (status === 404) throw new RegistryError('not-found', `${what} not found${detail}`, this.where(), 'check the image name and tag', status);
    if (status === 401) throw new RegistryError('unauthorized', `${what}: unauthorized${detail}`, this.where(), `run \`docker login ${this.registry}\``, status);
    if (status === 403) throw new RegistryError('denied', `${what}: access denied${detail}`, this.where(), 'check that your account may access this repository', status);
    throw new RegistryError('http', `${what}: HTTP ${status}${detail}`, this.where(), 'retry later or check the registry', status);
  }

  /** Fetches a manifest as raw bytes; the digest is computed over those bytes and checked when pinned. */
  async getManifest(repository: string, reference: string, accept: readonly string[] = MANIFEST_ACCEPT): Promise<RawManifest> {
    const response = await this.request({ method: 'GET', path: `/v2/${repository}/manifests/${reference}`, repository, actions: ['pull'], headers: { accept: accept.join(', ') } });
    if (!response.ok) return this.fail(response, `manifest ${repository}:${reference}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const digest = sha256Digest(bytes);
    if (DIGEST_RE.test(reference) && digest !== reference) {
      throw new RegistryError('protocol', `manifest ${repository}@${reference} has different content (sha256 is ${digest})`, this.where(), 'the registry returned tampered or wrong content; do not trust it');
    }
    return { bytes, digest, mediaType: manifestMediaType(bytes, response.headers.get('content-type')) };
  }

  /** A manifest's digest without downloading it when the registry sends Docker-Content-Digest; null when absent (404). */
  async manifestDigest(repository: string, reference: string): Promise<string | null> {
    const response = await this.request({ method: 'HEAD', path: `/v2/${repository}/manifests/${reference}`, repository, actions: ['pull'], headers: { accept: MANIFEST_ACCEPT.join(', ') } });
    if (response.status === 404) return null;
    if (!response.ok) return this.fail(response, `manifest ${repository}:${reference}`);
    const header = response.headers.get('docker-content-digest');
    if (header && DIGEST_RE.test(header)) return header;
    return (await this.getManifest(repository, reference)).digest;
  }

  /** Stores a manifest under a tag or digest. `subjectAccepted`: the registry indexed its `subject` (referrers API). */
  async putManifest(repository: string, reference: string, bytes: Uint8Array, mediaType: string): Promise<{ digest: string; subjectAccepted: boolean }> {
    const response = await this.request({ method: 'PUT', path: `/v2/${repository}/manifests/${reference}`, repository, actions: ['pull', 'push'], headers: { 'content-type': mediaType }, body: bytes });
    if (response.status !== 201 && response.status !== 200) return this.fail(response, `pushing manifest ${repository}:${reference}`);
    await response.body?.cancel();
    return { digest: sha256Digest(bytes), subjectAccepted: response.headers.has('oci-subject') };
  }

  async hasBlob(repository: string, digest: string): Promise<boolean> {
    const response = await this.request({ method: 'HEAD', path: `/v2/${repository}/blobs/${digest}`, repository, actions: ['pull'] });
    await response.body?.cancel();
    if (response.status === 404) return false;
    if (!response.ok) return this.fail(response, `blob ${repository}@${digest}`);
    return true;
  }

  /** Downloads a blob and checks it hashes to its digest. */
  async getBlob(repository: string, digest: string): Promise<Uint8Array> {
    const response = await this.request({ method: 'GET', path: `/v2/${repository}/blobs/${digest}`, repository, actions: ['pull'] });
    if (!response.ok) return this.fail(response, `blob ${repository}@${digest}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (sha256Digest(bytes) !== digest) {
      throw new RegistryError('protocol', `blob ${repository}@${digest} has different content`, this.where(), 'the registry returned tampered or wrong content; do not trust it');
    }
    return bytes;
  }

  /** Uploads a blob in one go (POST then PUT with the digest); skips it when the registry has it. */
  async pushBlob(repository: string, bytes: Uint8Array): Promise<string> {
    const digest = sha256Digest(bytes);
    if (await this.hasBlob(repository, digest)) return digest;
    const start = await this.request({ method: 'POST', path: `/v2/${repository}/blobs/uploads/`, repository, actions: ['pull', 'push'] });
    await start.body?.cancel();
    if (start.status !== 202) return this.fail(start, `starting a blob upload to ${repository}`);
    const location = start.headers.get('location');
    if (!location) throw new RegistryError('protocol', 'the registry started an upload without a Location', this.where(), 'check the registry');
    const base = await this.baseUrl();
    const url = new URL(location, `${base}/`);
    url.searchParams.set('digest', digest);
    const put = await this.request({
      method: 'PUT',
      path: url.toString(),
      repository,
      actions: ['pull', 'push'],
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.byteLength) },
      body: bytes,
    });
    if (put.status !== 201) return this.fail(put, `uploading blob ${digest} to ${repository}`);
    await put.body?.cancel();
    return digest;
  }

  /** All tags of a repository, following `Link: <...>; rel="next"` pages. */
  async listTags(repository: string): Promise<string[]> {
    const tags: string[] = [];
    let path: string | null = `/v2/${repository}/tags/list?n=1000`;
    for (let page = 0; path && page < 100; page++) {
      const response = await this.request({ method: 'GET', path, repository, actions: ['pull'] });
      if (!response.ok) return this.fail(response, `tags of ${repository}`);
      const body = (await response.json()) as { tags?: string[] | null };
      tags.push(...(body.tags ?? []));
      const link = response.headers.get('link');
      const next = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link) : null;
      path = next ? next[1] : null;
    }
    return tags;
  }

  /**
   * Manifests that name `digest` as their subject: the referrers API, or the `sha256-<hex>` tag index
   * where the registry has no referrers API (distribution 2.8). Filtered by `artifactType` when given.
   */
  async referrers(repository: string, digest: string, artifactType?: string): Promise<{ manifests: Descriptor[]; api: boolean }> {
    const query = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : '';
    const response = await this.request({ method: 'GET', path: `/v2/${repository}/referrers/${digest}${query}`, repository, actions: ['pull'], headers: { accept: MediaType.ociIndex } });
    let manifests: Descriptor[];
    let api = false;
    const type = response.headers.get('content-type') ?? '';
    if (response.ok && type.includes(MediaType.ociIndex)) {
      manifests = ((await response.json()) as ImageIndex).manifests ?? [];
      api = true;
    } else if (response.status === 404 || response.status === 400 || (response.ok && !type.includes(MediaType.ociIndex))) {
      await response.body?.cancel();
      manifests = (await this.fallbackIndex(repository, digest))?.manifests ?? [];
    } else {
      return this.fail(response, `referrers of ${repository}@${digest}`);
    }
    return { manifests: artifactType ? manifests.filter((m) => m.artifactType === artifactType) : manifests, api };
  }

  /** The OCI index at the `sha256-<hex>` fallback tag, or null when there is none. */
  async fallbackIndex(repository: string, digest: string): Promise<ImageIndex | null> {
    try {
      const raw = await this.getManifest(repository, fallbackTag(digest), [MediaType.ociIndex]);
      return JSON.parse(Buffer.from(raw.bytes).toString('utf8')) as ImageIndex;
    } catch (error) {
      if (error instanceof RegistryError && error.code === 'not-found') return null;
      throw error;
    }
  }

  /** Adds a referrer to the `sha256-<hex>` tag index (for registries without the referrers API). Idempotent. */
  async addToFallbackIndex(repository: string, subjectDigest: string, descriptor: Descriptor): Promise<void> {
    const index = (await this.fallbackIndex(repository, subjectDigest)) ?? { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: [] };
    if (index.manifests.some((m) => m.digest === descriptor.digest)) return;
    index.manifests.push(descriptor);
    const bytes = new TextEncoder().encode(JSON.stringify(index));
    await this.putManifest(repository, fallbackTag(subjectDigest), bytes, MediaType.ociIndex);
  }
}

/** `sha256:abc...` -> `sha256-abc...`, the tag-schema name of a digest. */
export function fallbackTag(digest: string): string {
  return digest.replace(':', '-');
}

function manifestMediaType(bytes: Uint8Array, contentType: string | null): string {
  try {
    const parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as { mediaType?: string; manifests?: unknown };
    if (parsed.mediaType) return parsed.mediaType;
    if (Array.isArray(parsed.manifests)) return MediaType.ociIndex;
  } catch {
    // Not JSON: fall back to the header.
  }
  return (contentType ?? MediaType.ociManifest).split(';')[0].trim();
}
