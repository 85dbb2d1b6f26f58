import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { caSecret } from '../../src/docker/build-run.js';
import { caBundleFromEnv, savedCaPath } from '../../src/docker/ca-bundle.js';
import { makeNodeApp, runEnv } from '../e2e/fixture.js';
import { runMain } from './run-main.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'harden-init-build-ca-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const pem = path.join(work, 'corp-ca.pem');
writeFileSync(pem, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');

describe('harden-init build --ca-cert', () => {
  it('a CA file that cannot be read is a one-line usage error naming the flag and the path, before any engine is asked', async () => {
    const dir = path.join(work, 'app');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\n');
    const missing = path.join(work, 'nope.pem');
    const result = await runMain(['build', dir, '--ca-cert', missing], { env: { DOCKER_HOST: 'unix:///nonexistent.sock' } });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`harden-init: --ca-cert ${missing}: no readable file at ${missing} (command line): give a PEM bundle, e.g. --ca-cert /etc/ssl/certs/ca-certificates.crt\n`);
    const folder = await runMain(['build', dir, '--ca-cert', work], { env: { DOCKER_HOST: 'unix:///nonexistent.sock' } });
    expect(folder.exitCode).toBe(2);
    expect(folder.stderr.split('\n')).toHaveLength(2);
  });

  it('takes the flag first, else the caCert of .harden-init.json when that file exists (relative to the app), and says which', () => {
    const app = path.join(work, 'saved');
    mkdirSync(path.join(app, 'certs'), { recursive: true });
    writeFileSync(path.join(app, 'certs', 'ca.pem'), 'x');
    expect(caSecret(pem, { caCert: 'certs/ca.pem' }, app, work)).toEqual({ file: pem, message: null });
    expect(caSecret(undefined, { caCert: null }, app, work)).toEqual({ file: null, message: null });
    const saved = caSecret(undefined, { caCert: 'certs/ca.pem' }, app, work);
    expect(saved.file).toBe(path.join(app, 'certs', 'ca.pem'));
    expect(saved.message).toBe('using the CA bundle saved/certs/ca.pem (caCert in .harden-init.json) as the build secret "ca"');
    const gone = caSecret(undefined, { caCert: '/no/such/ca.pem' }, app, work);
    expect(gone.file).toBeNull();
    expect(gone.message).toBe('harden-init: the CA bundle /no/such/ca.pem (caCert in .harden-init.json) cannot be read: building without it; pass --ca-cert <file>');
  });

  it('--help explains the flag and that it wants a full bundle', async () => {
    const help = (await runMain(['build', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--ca-cert <file> CA bundle (PEM) the install steps trust, passed as the secret "ca"; give a full bundle (system roots plus your CA)');
    expect(help).toContain('Default: caCert of .harden-init.json when that file exists');
  });
});

describe('the environment offers its CA bundle; the answers keep where it is', () => {
  it('NODE_EXTRA_CA_CERTS first, then SSL_CERT_FILE, only when the file exists', () => {
    expect(caBundleFromEnv({ NODE_EXTRA_CA_CERTS: pem, SSL_CERT_FILE: '/etc/hostname' })).toEqual({ path: pem, variable: 'NODE_EXTRA_CA_CERTS' });
    expect(caBundleFromEnv({ NODE_EXTRA_CA_CERTS: '/no/such.pem', SSL_CERT_FILE: pem })).toEqual({ path: pem, variable: 'SSL_CERT_FILE' });
    expect(caBundleFromEnv({ NODE_EXTRA_CA_CERTS: '' })).toBeNull();
  });

  it('a bundle inside the app is kept relative to it (it works in any clone), one outside by its absolute path', () => {
    expect(savedCaPath('/repo/app/certs/ca.pem', '/repo/app')).toBe('certs/ca.pem');
    expect(savedCaPath('certs/ca.pem', '/repo/app')).toBe('certs/ca.pem');
    expect(savedCaPath('/etc/ssl/certs/ca-certificates.crt', '/repo/app')).toBe('/etc/ssl/certs/ca-certificates.crt');
    expect(savedCaPath('../shared/ca.pem', '/repo/app')).toBe('/repo/shared/ca.pem');
  });
});

describe('harden-init --yes with a CA bundle', () => {
  const answersOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, '.harden-init.json'), 'utf8')) as { caCert?: string };

  it('takes the one the environment names, says so, and wires it in; --ca-cert none leaves it out', async () => {
    const app = await makeNodeApp();
    const yes = await runMain([app, '--yes', '--no-pin'], { env: { ...runEnv, NODE_EXTRA_CA_CERTS: pem } });
    expect(yes.exitCode, yes.stderr).toBe(0);
    expect(yes.stderr).toContain(`note: the install steps trust the CA bundle NODE_EXTRA_CA_CERTS names (${pem}) when it is passed as the build secret "ca"; --ca-cert none leaves it out`);
    expect(answersOf(app).caCert).toBe(pem);
    expect(readFileSync(path.join(app, 'Dockerfile'), 'utf8')).toContain('if [ -f /run/secrets/ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/ca; fi;');

    const none = await makeNodeApp();
    expect((await runMain([none, '--yes', '--no-pin', '--ca-cert', 'none'], { env: { ...runEnv, NODE_EXTRA_CA_CERTS: pem } })).exitCode).toBe(0);
    expect(answersOf(none).caCert).toBeUndefined();
    expect(readFileSync(path.join(none, 'Dockerfile'), 'utf8')).not.toContain('/run/secrets/ca');
  });

  it('a replay of saved answers does not pick up the environment: an answers file without caCert means none', async () => {
    const app = await makeNodeApp();
    expect((await runMain([app, '--yes', '--no-pin'], { env: runEnv })).exitCode).toBe(0);
    const before = readFileSync(path.join(app, 'Dockerfile'), 'utf8');
    const replay = await runMain([app, '--answers', path.join(app, '.harden-init.json'), '--no-pin'], { env: { ...runEnv, NODE_EXTRA_CA_CERTS: pem } });
    expect(replay.exitCode, replay.stderr).toBe(0);
    expect(readFileSync(path.join(app, 'Dockerfile'), 'utf8')).toBe(before);
  });

  it('--ca-cert inside the app is saved relative to it and kept out of the build context; a missing one is a usage error', async () => {
    const app = await makeNodeApp();
    mkdirSync(path.join(app, 'certs'));
    writeFileSync(path.join(app, 'certs', 'corp-ca.crt'), 'x');
    const result = await runMain(['--yes', '--no-pin', '--ca-cert', 'certs/corp-ca.crt'], { cwd: app, env: runEnv });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(answersOf(app).caCert).toBe('certs/corp-ca.crt');
    expect(readFileSync(path.join(app, '.dockerignore'), 'utf8').split('\n')).toContain('certs/corp-ca.crt');

    const missing = await runMain([app, '--yes', '--no-pin', '--ca-cert', 'nope.pem'], { cwd: work, env: runEnv });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toBe(`harden-init: --ca-cert nope.pem: no readable file at ${path.join(work, 'nope.pem')} (command line): give a PEM bundle, e.g. --ca-cert /etc/ssl/certs/ca-certificates.crt\n`);
  });
});
