import { createHash } from 'node:crypto';
import { mirrorRef } from './base.js';

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export interface ResolveOptions {
  /** Registry or mirror (`host[:port][/path]`) to ask instead of the upstream registry. */
  registry?: string | null;
  /** Per request, default 3000 ms. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Thrown when a digest cannot be resolved; `reason` is one line. */
export class PinError extends Error {}

function isLoopback(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return name === 'localhost' || name === '::1' || /^127\./.test(name);
}

/** `host/path:tag` -> registry API coordinates; Docker Hub's API lives on registry-1.docker.io. */
export function manifestUrl(ref: string): { url: string; repository: string } {
  const at = ref.indexOf('@');
  const bare = at === -1 ? ref : ref.slice(0, at);
  const slash = bare.indexOf('/');
  const host = bare.slice(0, slash);
  const rest = bare.slice(slash + 1);
  const colon = rest.lastIndexOf(':');
  const repository = colon === -1 ? rest : rest.slice(0, colon);
  const tag = colon === -1 ? 'latest' : rest.slice(colon + 1);
  const apiHost = host === 'docker.io' ? 'registry-1.docker.io' : host;
  const scheme = isLoopback(apiHost) ? 'http' : 'https';
  return { url: `${scheme}://${apiHost}/v2/${repository}/manifests/${tag}`, repository };
}

function bearerChallenge(header: string | null): { realm: string; service?: string; scope?: string } | null {
  if (!header || !/^bearer\s/i.test(header)) return null;
  const params: Record<string, string> = {};
  for (const match of header.slice(7).matchAll(/(\w+)="([^"]*)"/g)) params[match[1]] = match[2];
  return params.realm ? { realm: params.realm, service: params.service, scope: params.scope } : null;
}

/**
 * The digest of `ref` (an upstream `host/path:tag`), asked of `registry` when given, through the
 * registry HTTP API v2 with an anonymous token when the registry asks for one.
 */
export async function resolveDigest(ref: string, options: ResolveOptions = {}): Promise<string> {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 3000;
  const target = mirrorRef(ref, options.registry ?? null);
  const { url, repository } = manifestUrl(target);
  const request = (headers: Record<string, string>) =>
    doFetch(url, { headers: { Accept: MANIFEST_TYPES, ...headers }, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  try {
    let response = await request({});
    if (response.status === 401) {
      const challenge = bearerChallenge(response.headers.get('www-authenticate'));
      if (!challenge) throw new PinError(`${url}: 401 without a token challenge`);
      const tokenUrl = new URL(challenge.realm);
      if (challenge.service) tokenUrl.searchParams.set('service', challenge.service);
      tokenUrl.searchParams.set('scope', challenge.scope ?? `repository:${repository}:pull`);
      const tokenResponse = await doFetch(tokenUrl, { signal: AbortSignal.timeout(timeoutMs) });
      if (!tokenResponse.ok) throw new PinError(`token request to ${tokenUrl.host} answered ${tokenResponse.status}`);
      const body = (await tokenResponse.json()) as { token?: string; access_token?: string };
      const token = body.token ?? body.access_token;
      if (!token) throw new PinError(`token request to ${tokenUrl.host} gave no token`);
      response = await request({ Authorization: `Bearer ${token}` });
    }
    if (!response.ok) throw new PinError(`${url} answered ${response.status}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    const header = response.headers.get('docker-content-digest');
    if (header && /^sha256:[a-f0-9]{64}$/.test(header)) return header;
    return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  } catch (error) {
    if (error instanceof PinError) throw error;
    const message = error instanceof Error ? (error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : error.message) : String(error);
    throw new PinError(`${url}: ${message}`);
  }
}
