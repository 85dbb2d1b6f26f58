import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DOCKER_HUB } from './ref.js';

/** Credentials for one registry: a username/password pair or an identity (refresh) token. */
export type Credentials = { kind: 'basic'; username: string; password: string } | { kind: 'identity-token'; token: string };

/** Looks up credentials for a registry host; null means anonymous. */
export type CredentialSource = (registry: string) => Promise<Credentials | null>;

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

/** Runs `docker-credential-<helper> get` with the server on stdin; returns its stdout. Replaceable in tests. */
export type HelperRunner = (helper: string, server: string) => Promise<string>;

const defaultRunner: HelperRunner = async (helper, server) => {
  const { execa } = await import('execa');
  const result = await execa(`docker-credential-${helper}`, ['get'], { input: server, timeout: 15_000, reject: false });
  if (result.exitCode !== 0) {
    // "credentials not found in native keychain" is the helpers' way of saying anonymous.
    return '';
  }
  return String(result.stdout);
};

/** The config keys Docker uses for a registry: Docker Hub is stored under its v1 index URL. */
function configKeysFor(registry: string): string[] {
  return registry === DOCKER_HUB ? ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'] : [registry];
}

/** `https://host:port/v1/` -> `host:port`, so keys compare by exact host, never by prefix or substring. */
export function hostOfConfigKey(key: string): string {
  return key
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
}

function findEntry<T>(map: Record<string, T> | undefined, registry: string): [string, T] | null {
  if (!map) return null;
  const wanted = new Set(configKeysFor(registry).map(hostOfConfigKey));
  for (const [key, value] of Object.entries(map)) {
    if (wanted.has(hostOfConfigKey(key))) return [key, value];
  }
  return null;
}

function decodeAuth(entry: NonNullable<DockerConfig['auths']>[string]): Credentials | null {
  if (entry.identitytoken) return { kind: 'identity-token', token: entry.identitytoken };
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { kind: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (entry.username && entry.password) return { kind: 'basic', username: entry.username, password: entry.password };
  return null;
}

async function fromHelper(helper: string, server: string, run: HelperRunner): Promise<Credentials | null> {
  let out: string;
  try {
    out = await run(helper, server);
  } catch {
    return null;
  }
  if (!out.trim()) return null;
  try {
    const parsed = JSON.parse(out) as { Username?: string; Secret?: string };
    if (!parsed.Secret) return null;
    // Helpers return "<token>" as the username for identity tokens.
    if (parsed.Username === '<token>') return { kind: 'identity-token', token: parsed.Secret };
    return { kind: 'basic', username: parsed.Username ?? '', password: parsed.Secret };
  } catch {
    return null;
  }
}

export interface DockerConfigOptions {
  /** Directory holding config.json. Default: $DOCKER_CONFIG or ~/.docker. */
  configDir?: string;
  env?: NodeJS.ProcessEnv;
  runHelper?: HelperRunner;
}

/**
 * Credentials from Docker's config.json: a per-registry `credHelpers` entry first, then `auths`,
 * then the global `credsStore`. Registries match by exact host (and port), never by prefix.
 */
export function dockerConfigCredentials(options: DockerConfigOptions = {}): CredentialSource {
  const env = options.env ?? process.env;
  const dir = options.configDir ?? env.DOCKER_CONFIG ?? path.join(os.homedir(), '.docker');
  const run = options.runHelper ?? defaultRunner;
  let config: Promise<DockerConfig | null> | null = null;
  const load = () =>
    (config ??= readFile(path.join(dir, 'config.json'), 'utf8').then(
      (text) => {
        try {
          return JSON.parse(text) as DockerConfig;
        } catch {
          return null;
        }
      },
      () => null,
    ));
  return async (registry) => {
    const cfg = await load();
    if (!cfg) return null;
    const helper = findEntry(cfg.credHelpers, registry);
    if (helper) return fromHelper(helper[1], helper[0], run);
    const auth = findEntry(cfg.auths, registry);
    if (auth) {
      const decoded = decodeAuth(auth[1]);
      if (decoded) return decoded;
      // An empty auths entry next to a credsStore means "stored in the helper".
      if (cfg.credsStore) return fromHelper(cfg.credsStore, auth[0], run);
      return null;
    }
    if (cfg.credsStore) return fromHelper(cfg.credsStore, configKeysFor(registry)[0], run);
    return null;
  };
}

/** No credentials at all. */
export const anonymous: CredentialSource = async () => null;
