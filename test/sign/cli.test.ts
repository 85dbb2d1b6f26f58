import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/registry/client.js';
import { decryptPrivateKey } from '../../src/sign/keys.js';
import { describeWith } from '../helpers/requirements.js';
import { pushTestImage, registryMissing, testRegistry, uniqueRepo } from '../registry/test-registry.js';
import { runMain } from './run-main.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'harden-init-sign-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('harden-init keygen', () => {
  it('writes an encrypted cosign.key (0600) and cosign.pub, and refuses to overwrite them', async () => {
    const out = path.join(dir, 'keys');
    const first = await runMain(['keygen', '--out-dir', 'keys'], { cwd: dir, env: { COSIGN_PASSWORD: 'pw1' } });
    expect(first).toMatchObject({ exitCode: 0, stderr: '' });
    expect(first.stdout).toMatch(/write\s+keys\/cosign\.key/);
    expect((await stat(path.join(out, 'cosign.key'))).mode & 0o777).toBe(0o600);
    const key = await readFile(path.join(out, 'cosign.key'), 'utf8');
    await expect(decryptPrivateKey(key, 'pw1')).resolves.toBeDefined();

    const again = await runMain(['keygen', '--out-dir', 'keys'], { cwd: dir, env: { COSIGN_PASSWORD: 'pw2' } });
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toMatch(/^harden-init: cosign\.key already exists \(keys\/cosign\.key\): pass --force/);
    expect(await readFile(path.join(out, 'cosign.key'), 'utf8')).toBe(key);

    const forced = await runMain(['keygen', '--out-dir', 'keys', '--force'], { cwd: dir, env: { COSIGN_PASSWORD: 'pw2' } });
    expect(forced.exitCode).toBe(0);
    expect(await readFile(path.join(out, 'cosign.key.harden-init.bak'), 'utf8')).toBe(key);
    await expect(decryptPrivateKey(await readFile(path.join(out, 'cosign.key'), 'utf8'), 'pw2')).resolves.toBeDefined();
  });

  it('never takes the password from argv: without COSIGN_PASSWORD or a terminal it stops', async () => {
    const result = await runMain(['keygen', '--out-dir', 'nopw'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/no password for the private key \(COSIGN_PASSWORD\)/);
  });
});

describeWith(registryMissing, 'keygen -> sign -> verify through the CLI', () => {
  const client = new RegistryClient(testRegistry);
  let ref: string;
  let digest: string;
  beforeAll(async () => {
    const repo = uniqueRepo('cli');
    digest = (await pushTestImage(client, repo, '1.0')).digest;
    ref = `${testRegistry}/${repo}:1.0`;
    expect((await runMain(['keygen'], { cwd: dir, env: { COSIGN_PASSWORD: 'pw' } })).exitCode).toBe(0);
    await runMain(['keygen', '--out-dir', 'other'], { cwd: dir, env: { COSIGN_PASSWORD: 'pw' } });
  });

  it('fails verification before signing (no signature)', async () => {
    const result = await runMain(['verify', ref, '--key', 'cosign.pub'], { cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`no valid signature for ${digest}`);
  });

  it.each(['legacy', 'bundle'])('signs in %s format and verifies', async (format) => {
    const result = await runMain(['sign', ref, '--key', 'cosign.key', '--format', format], { cwd: dir, env: { COSIGN_PASSWORD: 'pw' } });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain(`cosign verify --key cosign.pub --insecure-ignore-tlog=true --allow-http-registry --new-bundle-format=${format === 'bundle'} ${ref.replace(':1.0', '')}@${digest}`);
    const verified = await runMain(['verify', ref, '--key', 'cosign.pub'], { cwd: dir });
    expect(verified.exitCode).toBe(0);
    expect(verified.stdout).toMatch(new RegExp(`^ok\\s+${format}\\s+1 of 1 signature valid`, 'm'));
  });

  it('does not verify with another key', async () => {
    const result = await runMain(['verify', ref, '--key', 'other/cosign.pub'], { cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^invalid legacy\s+0 of 1/m);
  });

  it('refuses a wrong password and a tag it cannot resolve', async () => {
    const wrong = await runMain(['sign', ref, '--key', 'cosign.key'], { cwd: dir, env: { COSIGN_PASSWORD: 'nope' } });
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr).toBe('harden-init: wrong password for the private key (cosign.key): check COSIGN_PASSWORD\n');
    const missing = await runMain(['sign', ref.replace(':1.0', ':9.9'), '--key', 'cosign.key'], { cwd: dir, env: { COSIGN_PASSWORD: 'pw' } });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/^harden-init: cannot resolve .*:9\.9 to a digest/);
  });

  it('sends --keyless to cosign, and exits 3 with an install hint when it is missing', async () => {
    const result = await runMain(['sign', ref, '--keyless'], { cwd: dir, env: { PATH: dir } });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toMatch(/^harden-init: cosign is needed for keyless signing \(PATH\): install cosign/);
  });

  it('runs cosign with the pinned digest when it is on PATH', async () => {
    // A stand-in cosign that records its arguments: the boundary is the argv cosign receives.
    const bin = path.join(dir, 'bin');
    await import('node:fs/promises').then((fs) => fs.mkdir(bin, { recursive: true }));
    await writeFile(path.join(bin, 'cosign'), `#!/bin/sh\necho "$@" > "${path.join(dir, 'cosign-args')}"\n`, { mode: 0o755 });
    const result = await runMain(['sign', ref, '--keyless'], { cwd: dir, env: { PATH: `${bin}:/usr/bin:/bin` } });
    expect(result.exitCode).toBe(0);
    expect((await readFile(path.join(dir, 'cosign-args'), 'utf8')).trim()).toBe(`sign --yes --allow-http-registry ${ref.replace(':1.0', '')}@${digest}`);
  });
});
