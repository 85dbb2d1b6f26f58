import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RegistryClient } from '../../src/registry/client.js';
import { describeWith } from '../helpers/requirements.js';
import { pushTestImage, registryMissing, testRegistry } from '../registry/test-registry.js';
import { runMain } from '../sign/run-main.js';

describeWith(registryMissing, 'harden-init verify --dockerfile', () => {
  const client = new RegistryClient(testRegistry);
  const id = randomBytes(4).toString('hex');
  // Upstream names; the images themselves live in the test registry under their mirror names.
  const official = `docker.io/library/hi-official-${id}`;
  const distroless = `gcr.io/distroless/hi-static-${id}`;
  const acme = `ghcr.io/acme/hi-app-${id}`;
  let officialDigest: string;
  let dir: string;
  let bin: string;

  const write = (name: string, text: string) => writeFile(path.join(dir, name), text);
  const verify = (file: string, env: NodeJS.ProcessEnv = {}, extra: string[] = []) => runMain(['verify', '--dockerfile', file, '--registry', testRegistry, ...extra], { cwd: dir, env });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'harden-init-trust-'));
    bin = path.join(dir, 'bin');
    await mkdir(bin);
    officialDigest = (await pushTestImage(client, `library/hi-official-${id}`, '1.0')).digest;
    await pushTestImage(client, `distroless/hi-static-${id}`, 'nonroot');
    await pushTestImage(client, `acme/hi-app-${id}`, '1.0');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('requires a digest pin for Docker Official Images and says why', async () => {
    await write('Dockerfile.unpinned', `FROM ${official}:1.0 AS build\nFROM build\nFROM scratch\n`);
    const unpinned = await verify('Dockerfile.unpinned');
    expect(unpinned.exitCode).toBe(1);
    expect(unpinned.stdout).toContain(`Dockerfile.unpinned:1  FAILED      ${official}:1.0`);
    expect(unpinned.stdout).toContain('no publisher signature');
    expect(unpinned.stdout).toContain(`pin it: ${official}:1.0@${officialDigest}`);
    expect(unpinned.stdout).toMatch(/Dockerfile\.unpinned:2  skipped/);

    await write('Dockerfile.pinned', `FROM ${official}:1.0@${officialDigest}\n`);
    const pinned = await verify('Dockerfile.pinned');
    expect(pinned.exitCode, pinned.stdout + pinned.stderr).toBe(0);
    expect(pinned.stdout).toMatch(/Dockerfile\.pinned:1  pinned/);

    await write('Dockerfile.badpin', `FROM ${official}:1.0@sha256:${'0'.repeat(64)}\n`);
    const badpin = await verify('Dockerfile.badpin');
    expect(badpin.exitCode).toBe(1);
    expect(badpin.stdout).toMatch(/the pinned digest sha256:000000000000 is not in/);
  });

  it('checks keyless publishers through cosign, and exits 3 when cosign is missing', async () => {
    await write('Dockerfile.distroless', `FROM ${distroless}:nonroot\n`);
    const missing = await verify('Dockerfile.distroless', { PATH: bin });
    expect(missing.exitCode).toBe(3);
    expect(missing.stdout).toMatch(/unverified .*\n.*Google distroless: keyless signature of Google distroless needs cosign/);
    expect(missing.stderr).toMatch(/^harden-init: keyless base-image signatures need cosign/);

    // A stand-in cosign that records its argv and answers with a chosen exit code.
    const args = path.join(dir, 'cosign-args');
    await writeFile(path.join(bin, 'cosign'), `#!/bin/sh\necho "$@" > "${args}"\n[ -f "${dir}/cosign-fails" ] && { echo "error: no matching signatures" >&2; exit 1; }\nexit 0\n`, { mode: 0o755 });
    const ok = await verify('Dockerfile.distroless', { PATH: `${bin}:/usr/bin:/bin` });
    expect(ok.exitCode, ok.stdout).toBe(0);
    const digest = (await client.manifestDigest(`distroless/hi-static-${id}`, 'nonroot')) as string;
    expect((await readFile(args, 'utf8')).trim()).toBe(
      `verify --certificate-identity keyless@distroless.iam.gserviceaccount.com --certificate-oidc-issuer https://accounts.google.com --allow-http-registry ${testRegistry}/distroless/hi-static-${id}@${digest}`,
    );

    await writeFile(path.join(dir, 'cosign-fails'), '');
    const bad = await verify('Dockerfile.distroless', { PATH: `${bin}:/usr/bin:/bin` });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain('cosign verify failed: error: no matching signatures');
    await rm(path.join(dir, 'cosign-fails'));
  });

  it('reports keyless checks as not verifiable offline, never as passed', async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const offline = await runMain(['verify', '--dockerfile', 'Dockerfile.distroless', '--registry', `127.0.0.1:${port}`], { cwd: dir, env: { PATH: `${bin}:/usr/bin:/bin` } });
    expect(offline.exitCode).toBe(1);
    expect(offline.stdout).toContain('not verifiable offline');
    expect(offline.stdout).not.toMatch(/verified {4}/);
  });

  it('uses user trust entries with a key from .harden-init.json, and flags images nobody vouches for', async () => {
    await write('Dockerfile.acme', `FROM ${acme}:1.0\n`);
    const untrusted = await verify('Dockerfile.acme');
    expect(untrusted.exitCode).toBe(1);
    expect(untrusted.stdout).toMatch(/untrusted .*\n.*no trust entry matches ghcr\.io\/acme\/hi-app-/);

    expect((await runMain(['keygen', '--out-dir', 'keys'], { cwd: dir, env: { COSIGN_PASSWORD: 'pw' } })).exitCode).toBe(0);
    await write('.harden-init.json', JSON.stringify({ registry: testRegistry, trust: [{ pattern: 'ghcr.io/acme/*', key: 'keys/cosign.pub', publisher: 'ACME' }] }));
    const unsigned = await runMain(['verify', '--dockerfile', 'Dockerfile.acme'], { cwd: dir });
    expect(unsigned.exitCode).toBe(1);
    expect(unsigned.stdout).toContain('ACME: no valid signature by keys/cosign.pub');

    const signed = await runMain(['sign', `${testRegistry}/acme/hi-app-${id}:1.0`, '--key', 'keys/cosign.key', '--format', 'legacy'], { cwd: dir, env: { COSIGN_PASSWORD: 'pw' } });
    expect(signed.exitCode, signed.stderr).toBe(0);
    const verified = await runMain(['verify', '--dockerfile', 'Dockerfile.acme'], { cwd: dir });
    expect(verified.exitCode, verified.stdout).toBe(0);
    expect(verified.stdout).toMatch(/verified {4}ghcr\.io\/acme/);

    await write('.harden-init.json', JSON.stringify({ trust: [{ pattern: 'ghcr.io/acme/*', identity: 'x' }] }));
    const bad = await runMain(['verify', '--dockerfile', 'Dockerfile.acme'], { cwd: dir });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/^harden-init: trust\[0\]: a keyless entry needs/);
    await rm(path.join(dir, '.harden-init.json'));
  });

  it('names a missing Dockerfile', async () => {
    const result = await verify('Nope.Dockerfile');
    expect(result).toMatchObject({ exitCode: 2, stderr: 'harden-init: Dockerfile not found (Nope.Dockerfile): pass the path: harden-init verify --dockerfile path/to/Dockerfile\n' });
  });
});
