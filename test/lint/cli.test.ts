import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const BAD = 'FROM debian:12.5\nADD app.js /app/app.js\nCMD node /app/app.js\n';

async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'harden-init-lint-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

describe('harden-init lint (built CLI)', () => {
  it('prints findings grouped by file and exits 1', async () => {
    const cwd = await project({ Dockerfile: BAD });
    const result = await runCli(['lint'], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('Dockerfile\n');
    expect(result.stdout).toMatch(/2:1 +error +HI401 +Use COPY instead of ADD/);
    expect(result.stdout).toContain('fix: Replace `ADD` with `COPY` for local files.');
  });

  it('--format json prints the SPEC array; --failure-threshold error ignores warnings', async () => {
    const cwd = await project({ Dockerfile: 'FROM debian:12.5\nCMD node app.js\n' });
    const result = await runCli(['lint', '--format', 'json', '--failure-threshold', 'error'], { cwd });
    expect(result.exitCode).toBe(0);
    const findings = JSON.parse(result.stdout);
    expect(findings.some((f: { aliases: string[] }) => f.aliases.includes('DL3025'))).toBe(true);
    expect(findings.every((f: { level: string }) => f.level !== 'error')).toBe(true);
  });

  it('--format sarif, checkstyle and gitlab print their formats for several files', async () => {
    const cwd = await project({ 'a.Dockerfile': BAD, 'b.Dockerfile': BAD });
    const sarif = JSON.parse((await runCli(['lint', 'a.Dockerfile', 'b.Dockerfile', '--format', 'sarif'], { cwd })).stdout);
    const uris = new Set(sarif.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0].physicalLocation.artifactLocation.uri));
    expect([...uris].sort()).toEqual(['a.Dockerfile', 'b.Dockerfile']);
    expect((await runCli(['lint', 'a.Dockerfile', '--format', 'checkstyle'], { cwd })).stdout).toContain('<file name="a.Dockerfile">');
    expect(JSON.parse((await runCli(['lint', 'a.Dockerfile', '--format', 'gitlab'], { cwd })).stdout)[0].location.path).toBe('a.Dockerfile');
    // -f, as hadolint spells it
    expect(JSON.parse((await runCli(['lint', 'a.Dockerfile', '-f', 'gitlab'], { cwd })).stdout)[0].location.path).toBe('a.Dockerfile');
  });

  it('- lints standard input, as hadolint does; a folder means its Dockerfile', async () => {
    const cwd = await project({ 'other.txt': '' });
    const piped = await runCli(['lint', '-', '--format', 'json'], { cwd, input: BAD, stdin: undefined });
    expect(piped.exitCode).toBe(1);
    const findings = JSON.parse(piped.stdout) as Array<{ file: string; code: string }>;
    expect(findings.map((f) => f.code)).toContain('HI401');
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set(['-']));
    const fix = await runCli(['lint', '--fix', '-'], { cwd, input: BAD, stdin: undefined });
    expect(fix.exitCode).toBe(2);
    expect(fix.stderr).toMatch(/^harden-init: --fix cannot rewrite standard input \(--fix\): /);

    const app = await project({ Dockerfile: BAD });
    const folder = await runCli(['lint', path.basename(app), '--format', 'json'], { cwd: path.dirname(app) });
    expect(JSON.parse(folder.stdout)[0].file).toBe(`${path.basename(app)}/Dockerfile`);
    const empty = await runCli(['lint', '.'], { cwd });
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr).toContain('a folder without a Dockerfile');
  });

  it('--ignore skips rules by id, name or alias, adding to the config; an unknown name is an error', async () => {
    const cwd = await project({ Dockerfile: BAD, '.hadolint.yaml': 'ignored: [DL3025]\n' });
    const codes = async (...extra: string[]) => (JSON.parse((await runCli(['lint', '--format', 'json', ...extra], { cwd })).stdout) as Array<{ code: string }>).map((f) => f.code);
    const all = await codes();
    expect(all).toEqual(expect.arrayContaining(['HI401', 'HI505']));
    expect(all).not.toContain('HI501');
    const fewer = await codes('--ignore', 'DL3020', '--ignore', 'hi505');
    expect(fewer).not.toContain('HI401');
    expect(fewer).not.toContain('HI505');
    expect(fewer).not.toContain('HI501');
    expect(fewer.length).toBe(all.filter((c) => c !== 'HI401' && c !== 'HI505').length);
    // hadolint's names stay valid: its shellcheck codes too, though no rule here answers to them
    expect((await runCli(['lint', '--ignore', 'SC2086', '--ignore', 'DL3059'], { cwd })).exitCode).toBe(1);
    const typo = await runCli(['lint', '--ignore', 'copy-not-ad'], { cwd });
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toMatch(/^harden-init: no rule is called "copy-not-ad" \(--ignore\): /);
  });

  it('--trusted-registry flags images from any other registry (repeatable, as hadolint)', async () => {
    const cwd = await project({ Dockerfile: 'FROM registry.example.com/base:1\nFROM docker.io/library/debian:12.5\nUSER 10001:10001\n' });
    const lines = async (...extra: string[]) =>
      (JSON.parse((await runCli(['lint', '--format', 'json', ...extra], { cwd })).stdout) as Array<{ code: string; line: number }>).filter((f) => f.code === 'HI104').map((f) => f.line);
    expect(await lines()).toEqual([]);
    expect(await lines('--trusted-registry', 'registry.example.com')).toEqual([2]);
    expect(await lines('--trusted-registry', 'registry.example.com', '--trusted-registry', 'docker.io')).toEqual([]);
  });

  it('honours .hadolint.yaml and --config', async () => {
    const cwd = await project({ Dockerfile: BAD, '.hadolint.yaml': 'failure-threshold: none\n', 'strict.yaml': 'ignored: [DL3020]\n' });
    expect((await runCli(['lint'], { cwd })).exitCode).toBe(0);
    const strict = await runCli(['lint', '--config', 'strict.yaml', '--format', 'json'], { cwd });
    expect(strict.exitCode).toBe(1);
    expect(strict.stdout).not.toContain('DL3020');
  });

  it('exits 2 with a one-line error naming an unreadable file, a bad config or a malformed Dockerfile', async () => {
    const cwd = await project({ Dockerfile: 'FROM debian:12\nBOGUS x\n', 'bad.yaml': 'failure-threshold: loud\n' });
    const missing = await runCli(['lint', 'nope/Dockerfile'], { cwd });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^harden-init: cannot lint nope\/Dockerfile: no such file \(nope\/Dockerfile\): /)]);
    const config = await runCli(['lint', '--config', 'bad.yaml'], { cwd });
    expect(config.exitCode).toBe(2);
    expect(config.stderr).toMatch(/bad\.yaml key failure-threshold/);
    const malformed = await runCli(['lint'], { cwd });
    expect(malformed.exitCode).toBe(2);
    expect(malformed.stderr).toMatch(/malformed Dockerfile: unknown instruction "BOGUS" \(Dockerfile:2\)/);
    expect(malformed.stdout).toContain('DL1000');
  });

  it('--fix keeps numbered backups, writes the fixed file and prints the diff', async () => {
    const cwd = await project({ Dockerfile: BAD, 'Dockerfile.harden-init.bak': 'older backup\n' });
    const result = await runCli(['lint', '--fix'], { cwd });
    expect(result.stdout).toContain('-ADD app.js /app/app.js');
    expect(result.stdout).toContain('+COPY app.js /app/app.js');
    expect(result.stdout).toContain('+CMD ["node", "/app/app.js"]');
    expect(result.stdout).toMatch(/backup: Dockerfile\.harden-init\.1\.bak/);
    expect(await readFile(path.join(cwd, 'Dockerfile.harden-init.bak'), 'utf8')).toBe('older backup\n');
    expect(await readFile(path.join(cwd, 'Dockerfile.harden-init.1.bak'), 'utf8')).toBe(BAD);
    const fixed = await readFile(path.join(cwd, 'Dockerfile'), 'utf8');
    expect(fixed).toContain('COPY app.js /app/app.js');
    expect(fixed).toContain('USER 10001:10001');
    expect((await readdir(cwd)).filter((f) => f.includes('.tmp'))).toEqual([]);
    const again = await runCli(['lint', '--fix'], { cwd });
    expect(again.stdout).toContain('nothing to fix safely in Dockerfile');
    expect((await readdir(cwd)).filter((f) => f.endsWith('.bak')).length).toBe(2);
  });

  it('judges end of life on the day SOURCE_DATE_EPOCH gives (HI113)', async () => {
    const cwd = await project({ Dockerfile: 'FROM node:20-alpine3.22\nUSER 10001:10001\nHEALTHCHECK NONE\nCMD ["node", "server.js"]\n' });
    const codes = async (day: string) =>
      (JSON.parse((await runCli(['lint', '--format', 'json'], { cwd, env: { SOURCE_DATE_EPOCH: String(Date.parse(`${day}T00:00:00Z`) / 1000) } })).stdout) as Array<{ code: string; message: string }>).filter((f) => f.code === 'HI113');
    expect(await codes('2026-04-29')).toEqual([]);
    expect((await codes('2026-05-01')).map((f) => f.message)).toEqual(['node:20-alpine3.22: Node.js 20 reached end of life on 2026-04-30; 22 is supported until 2027-04-30']);
  });
});
