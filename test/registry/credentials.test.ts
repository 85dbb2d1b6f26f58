import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerConfigCredentials } from '../../src/registry/credentials.js';

describe('credentials from ~/.docker/config.json', () => {
  let dir: string;
  const savedPath = process.env.PATH;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'harden-init-creds-'));
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    await writeFile(
      path.join(dir, 'config.json'),
      JSON.stringify({
        auths: {
          'https://index.docker.io/v1/': { auth: b64('hubuser:hubpass') },
          '127.0.0.1:5000': { identitytoken: 'refresh-me' },
          'https://registry.example.com': { username: 'u', password: 'p' },
          'store.example.com': {},
        },
        credHelpers: { 'ghcr.io': 'hitest' },
        credsStore: 'storetest',
      }),
    );
    // Real helper programs on PATH, speaking the docker-credential protocol (server on stdin).
    const helper = (name: string, user: string) =>
      writeFile(path.join(dir, `docker-credential-${name}`), `#!/bin/sh\nread server\necho "{\\"ServerURL\\":\\"$server\\",\\"Username\\":\\"${user}\\",\\"Secret\\":\\"secret-for-$server\\"}"\n`).then(() =>
        chmod(path.join(dir, `docker-credential-${name}`), 0o755),
      );
    await helper('hitest', 'gh');
    await helper('storetest', 'st');
    process.env.PATH = `${dir}${path.delimiter}${savedPath}`;
  });
  afterAll(async () => {
    process.env.PATH = savedPath;
    await rm(dir, { recursive: true, force: true });
  });

  it('reads auths by exact host, Docker Hub under its v1 index URL', async () => {
    const creds = dockerConfigCredentials({ configDir: dir });
    expect(await creds('docker.io')).toEqual({ kind: 'basic', username: 'hubuser', password: 'hubpass' });
    expect(await creds('127.0.0.1:5000')).toEqual({ kind: 'identity-token', token: 'refresh-me' });
    expect(await creds('registry.example.com')).toEqual({ kind: 'basic', username: 'u', password: 'p' });
  });

  it('runs docker-credential-<helper> get for credHelpers and credsStore', async () => {
    const creds = dockerConfigCredentials({ configDir: dir });
    expect(await creds('ghcr.io')).toEqual({ kind: 'basic', username: 'gh', password: 'secret-for-ghcr.io' });
    expect(await creds('store.example.com')).toEqual({ kind: 'basic', username: 'st', password: 'secret-for-store.example.com' });
  });

  it('never matches by prefix or a different port', async () => {
    const creds = dockerConfigCredentials({ configDir: dir, runHelper: async () => '' });
    expect(await creds('127.0.0.1:5001')).toBeNull();
    expect(await creds('registry.example.com.evil.net')).toBeNull();
    expect(await creds('ghcr.io.evil.net')).toBeNull();
  });

  it('is anonymous without a config file', async () => {
    const creds = dockerConfigCredentials({ configDir: path.join(dir, 'absent') });
    expect(await creds('docker.io')).toBeNull();
  });
});
