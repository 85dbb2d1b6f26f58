import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLintConfig, lintDockerfile, loadLintConfig, LintConfigFileError, parseLintConfigText } from '../../src/lint/index.js';

const ROOT_USER = 'FROM debian:12\nUSER root\n';
const codes = (text: string, config = defaultLintConfig()) => lintDockerfile(text, { config }).flatMap((f) => [f.code, ...f.aliases]);

describe('lint config', () => {
  it('reads hadolint keys from YAML', () => {
    const config = parseLintConfigText(
      'ignored: [DL3002]\noverride:\n  error: [DL3007]\ntrustedRegistries: [docker.io]\nfailure-threshold: warning\nlabel-schema:\n  owner: text\n  created: rfc3339\nstrict-labels: true\n',
      'yaml',
    );
    expect(config).toMatchObject({ ignored: ['DL3002'], override: { error: ['DL3007'] }, trustedRegistries: ['docker.io'], failureThreshold: 'warning', labelSchema: { owner: 'text', created: 'rfc3339' }, strictLabels: true });
  });

  it('ignored rules vanish, by hadolint code or our id', () => {
    expect(codes(ROOT_USER)).toContain('DL3002');
    expect(codes(ROOT_USER, { ...defaultLintConfig(), ignored: ['DL3002'] })).not.toContain('DL3002');
    expect(codes(ROOT_USER, { ...defaultLintConfig(), ignored: ['HI202'] })).not.toContain('DL3002');
  });

  it('override changes a level and switches on an off rule', () => {
    const config = { ...defaultLintConfig(), override: { error: ['DL3007'], warning: ['DL1001'] } };
    const findings = lintDockerfile('FROM debian:latest\n# hadolint ignore=DL3002\nUSER root\n', { config });
    expect(findings.find((f) => f.aliases.includes('DL3007'))?.level).toBe('error');
    expect(findings.find((f) => f.aliases.includes('DL1001'))?.level).toBe('warning');
  });

  it('label-schema turns on the label rules', () => {
    const text = 'FROM debian:12\nLABEL created=yesterday\n';
    expect(codes(text)).not.toContain('DL3049');
    const config = { ...defaultLintConfig(), labelSchema: { owner: 'text' as const, created: 'rfc3339' as const } };
    expect(codes(text, config)).toEqual(expect.arrayContaining(['DL3049', 'DL3053']));
  });

  it('trustedRegistries turns on DL3026', () => {
    expect(codes('FROM quay.io/a/b:1\n')).not.toContain('DL3026');
    expect(codes('FROM quay.io/a/b:1\n', { ...defaultLintConfig(), trustedRegistries: ['docker.io'] })).toContain('DL3026');
  });

  it('rejects bad values naming the key', () => {
    expect(() => parseLintConfigText('failure-threshold: loud\n', 'yaml')).toThrow(/failure-threshold/);
    expect(() => parseLintConfigText('override:\n  fatal: [DL3000]\n', 'yaml')).toThrow(/override/);
  });

  it('loads .hadolint.yaml, then .harden-init.json on top, or only --config', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lint-config-'));
    await writeFile(path.join(dir, '.hadolint.yaml'), 'ignored: [DL3002]\nfailure-threshold: error\n');
    await writeFile(path.join(dir, '.harden-init.json'), JSON.stringify({ language: 'node', lint: { ignored: ['HI103'], failureThreshold: 'warning' } }));
    await writeFile(path.join(dir, 'custom.yml'), 'ignored: [DL3007]\n');
    const merged = await loadLintConfig(dir);
    expect(merged.ignored).toEqual(['DL3002', 'HI103']);
    expect(merged.failureThreshold).toBe('warning');
    const explicit = await loadLintConfig(dir, 'custom.yml');
    expect(explicit.ignored).toEqual(['DL3007']);
    await expect(loadLintConfig(dir, 'missing.yaml')).rejects.toBeInstanceOf(LintConfigFileError);
    await writeFile(path.join(dir, 'broken.yaml'), 'ignored: [\n');
    await expect(loadLintConfig(dir, 'broken.yaml')).rejects.toThrow(/broken\.yaml/);
  });
});

describe('inline pragmas', () => {
  it('hadolint ignore applies to the next instruction only', () => {
    expect(codes('FROM debian:12\n# hadolint ignore=DL3002\nUSER root\n')).not.toContain('DL3002');
    expect(codes('FROM debian:12\n# hadolint ignore=DL3002\nRUN x\nUSER root\n')).toContain('DL3002');
  });

  it('harden-init ignore accepts our ids, slugs and any alias', () => {
    for (const name of ['HI202', 'non-root-final-user', 'CKV_DOCKER_8', 'DS-0002']) {
      expect(codes(`FROM debian:12\n# harden-init ignore=${name}\nUSER root\n`)).not.toContain('HI202');
    }
  });

  it('global and stage scopes', () => {
    expect(codes('# hadolint global ignore=DL3011\nFROM debian:12\nEXPOSE 80000\nFROM debian:12\nEXPOSE 80000\n')).not.toContain('DL3011');
    const stage = lintDockerfile('# hadolint stage ignore=DL3011\nFROM debian:12\nEXPOSE 80000\nFROM debian:12\nEXPOSE 80000\n').filter((f) => f.aliases.includes('DL3011'));
    expect(stage.map((f) => f.line)).toEqual([5]);
  });

  it('disable-ignore-pragma keeps every finding', () => {
    const config = { ...defaultLintConfig(), disableIgnorePragma: true };
    expect(codes('FROM debian:12\n# hadolint ignore=DL3002\nUSER root\n', config)).toContain('DL3002');
  });
});
