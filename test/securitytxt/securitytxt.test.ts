import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSecurityTxt } from '../../src/securitytxt/check.js';
import { defaultExpires, renderSecurityTxt } from '../../src/securitytxt/render.js';
import { runCli } from '../helpers/cli.js';

const NOW = new Date('2025-06-01T12:00:00Z');

describe('security.txt rendering', () => {
  it('writes Contact and Expires first, optional fields only when given, and passes its own check', () => {
    const text = renderSecurityTxt({
      contact: ['mailto:security@example.com', 'https://example.com/report'],
      expires: '2026-01-31T10:00:00.000+01:00',
      preferredLanguages: 'en, de',
      policy: 'https://example.com/policy',
      canonical: 'https://example.com/.well-known/security.txt',
    });
    expect(text).toBe(
      [
        '# How to report a security vulnerability in this service (RFC 9116).',
        'Contact: mailto:security@example.com',
        'Contact: https://example.com/report',
        'Expires: 2026-01-31T09:00:00Z',
        'Preferred-Languages: en, de',
        'Canonical: https://example.com/.well-known/security.txt',
        'Policy: https://example.com/policy',
        '',
      ].join('\n'),
    );
    expect(checkSecurityTxt(text, NOW)).toEqual([]);
  });

  it('defaults Expires to one year minus a day, which the check accepts', () => {
    expect(defaultExpires(NOW)).toBe('2026-05-31T00:00:00Z');
    expect(checkSecurityTxt(renderSecurityTxt({ contact: 'mailto:a@b.c', expires: defaultExpires(NOW) }), NOW)).toEqual([]);
  });
});

describe('security.txt check', () => {
  const problems = (text: string) => checkSecurityTxt(text, NOW).map((problem) => `${problem.line}: ${problem.message}`);

  it('requires Contact and Expires', () => {
    expect(problems('# nothing\nPolicy: https://example.com/p\n')).toEqual([
      expect.stringMatching(/^0: Contact is required/),
      expect.stringMatching(/^0: Expires is required/),
    ]);
  });

  it('names the line of each problem: duplicate Expires, bad dates, http URLs, bad contact schemes, junk lines', () => {
    const text = [
      'Contact: http://example.com/report',
      'Contact: security@example.com',
      'Expires: 2026-01-01T00:00:00Z',
      'Expires: 2026-02-01',
      'Policy: http://example.com/policy',
      'this is not a field',
      'Canonical: https://example.com/.well-known/security.txt',
    ].join('\n');
    expect(problems(text)).toEqual([
      '1: Contact "http://example.com/report" must use https:, not http:',
      '2: Contact "security@example.com" must be a mailto:, https: or tel: URI',
      expect.stringMatching(/^4: Expires "2026-02-01" is not an RFC 3339 date-time/),
      expect.stringMatching(/^4: Expires must appear only once \(first on line 3\)/),
      '5: Policy "http://example.com/policy" must be an https:// URL',
      '6: not a "Field: value" line: "this is not a field"',
    ]);
  });

  it('rejects an expired date and one more than a year ahead', () => {
    expect(problems('Contact: mailto:a@b.c\nExpires: 2025-05-31T00:00:00Z\n')).toEqual([expect.stringMatching(/^2: Expires .* has passed/)]);
    expect(problems('Contact: mailto:a@b.c\nExpires: 2026-06-02T00:00:00Z\n')).toEqual([expect.stringMatching(/^2: Expires .* more than a year ahead/)]);
    expect(problems('Contact: mailto:a@b.c\nExpires: 2026-06-01T11:00:00Z\n')).toEqual([]);
  });

  it('reads a signed file inside its signature and accepts CRLF and field names in any case', () => {
    const signed = [
      '-----BEGIN PGP SIGNED MESSAGE-----',
      'Hash: SHA256',
      '',
      'contact: mailto:security@example.com',
      'EXPIRES: 2026-01-01T00:00:00Z',
      'Encryption: https://example.com/pgp.asc',
      '-----BEGIN PGP SIGNATURE-----',
      'iQIzBAEBCAAdFiEE',
      '-----END PGP SIGNATURE-----',
      '',
    ].join('\r\n');
    expect(problems(signed)).toEqual([]);
  });
});

describe('harden-init security-txt (built CLI)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'harden-init-sectxt-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--check exits 0 on a valid file, 1 with file:line problems, 2 when unreadable', async () => {
    const expires = new Date(Date.now() + 30 * 86400_000).toISOString();
    writeFileSync(path.join(dir, 'good.txt'), `Contact: mailto:security@example.com\nExpires: ${expires}\n`);
    writeFileSync(path.join(dir, 'bad.txt'), `Contact: http://example.com\nExpires: ${expires}\nExpires: ${expires}\n`);
    const good = await runCli(['security-txt', '--check', 'good.txt'], { cwd: dir });
    expect(good.exitCode).toBe(0);
    const bad = await runCli(['security-txt', '--check', 'bad.txt'], { cwd: dir });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain('bad.txt:1: Contact "http://example.com" must use https:, not http:');
    expect(bad.stdout).toContain('bad.txt:3: Expires must appear only once (first on line 2)');
    const missing = await runCli(['security-txt', '--check', 'missing.txt'], { cwd: dir });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/^harden-init: cannot read security\.txt \(ENOENT\) \(missing\.txt\): /);
  });

  it('writes .well-known/security.txt, keeps a backup when replacing it, and refuses a bad contact', async () => {
    const app = path.join(dir, 'app');
    mkdirSync(path.join(app, '.well-known'), { recursive: true });
    writeFileSync(path.join(app, '.well-known', 'security.txt'), 'Contact: mailto:old@example.com\n');
    const result = await runCli(['security-txt', 'app', '--contact', 'mailto:security@example.com', '--policy', 'https://example.com/policy'], { cwd: dir });
    expect(result.exitCode, result.stderr).toBe(0);
    const written = readFileSync(path.join(app, '.well-known', 'security.txt'), 'utf8');
    expect(written).toContain('Contact: mailto:security@example.com\n');
    expect(written).toContain('Policy: https://example.com/policy\n');
    expect(readdirSync(path.join(app, '.well-known')).sort()).toEqual(['security.txt', 'security.txt.harden-init.bak']);
    expect(readFileSync(path.join(app, '.well-known', 'security.txt.harden-init.bak'), 'utf8')).toBe('Contact: mailto:old@example.com\n');
    const check = await runCli(['security-txt', '--check', 'app/.well-known/security.txt'], { cwd: dir });
    expect(check.exitCode, check.stdout).toBe(0);
    const refused = await runCli(['security-txt', 'app', '--contact', 'security@example.com'], { cwd: dir });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('--contact');
  });
});
