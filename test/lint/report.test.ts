import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildSarif, formatCheckstyle, formatGitlab, formatJson, formatSarif, formatTty, lintDockerfile, RULES } from '../../src/lint/index.js';

const findings = lintDockerfile('FROM debian:latest\nADD a.js /a.js\nUSER root\nLABEL x="<&>"\n', { file: 'svc/Dockerfile' });

describe('report formats', () => {
  it('json is the SPEC shape, field for field', () => {
    const parsed = JSON.parse(formatJson(findings));
    expect(parsed.length).toBe(findings.length);
    for (const item of parsed) {
      expect(Object.keys(item)).toEqual(['file', 'line', 'column', 'level', 'code', 'message', 'aliases', 'fix']);
      expect(['error', 'warning', 'info', 'style']).toContain(item.level);
    }
    expect(parsed.find((f: { aliases: string[] }) => f.aliases.includes('DL3020'))).toMatchObject({ file: 'svc/Dockerfile', line: 2, column: 1, code: 'HI401' });
  });

  it('sarif is a valid 2.1.0 log: rules with help and helpUri, results with regions and rule indexes', () => {
    const log = JSON.parse(formatSarif(findings));
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const { driver } = log.runs[0].tool;
    expect(driver.name).toBe('harden-init');
    const ids = driver.rules.map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of driver.rules) {
      expect(rule.shortDescription.text).toBeTruthy();
      expect(rule.help.text).toBeTruthy();
      expect(rule.helpUri).toMatch(/^https:\/\//);
      expect(['error', 'warning', 'note', 'none']).toContain(rule.defaultConfiguration.level);
    }
    for (const result of log.runs[0].results) {
      expect(driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['error', 'warning', 'note', 'none']).toContain(result.level);
      expect(result.message.text).toBeTruthy();
      const location = result.locations[0].physicalLocation;
      expect(location.artifactLocation.uri).toBe('svc/Dockerfile');
      expect(location.region.startLine).toBeGreaterThanOrEqual(1);
      expect(location.region.startColumn).toBeGreaterThanOrEqual(1);
    }
  });

  it('buildSarif takes any tool\'s rules and results', () => {
    const log = buildSarif('harden-init-audit', [{ id: 'AUD001', shortDescription: 'Runs as root', help: 'Set USER.', helpUri: 'https://example.com/aud001', level: 'error', tags: ['security'] }], [{ ruleId: 'AUD001', level: 'error', message: 'image runs as root', file: 'Dockerfile', line: 3 }]) as { runs: Array<{ tool: { driver: { name: string; rules: unknown[] } }; results: Array<{ ruleIndex: number; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }> }> };
    expect(log.runs[0].tool.driver.name).toBe('harden-init-audit');
    expect(log.runs[0].results[0].ruleIndex).toBe(0);
    expect(log.runs[0].results[0].locations[0].physicalLocation.region.startLine).toBe(3);
  });

  it('checkstyle is well-formed XML with escaped messages', () => {
    const xml = formatCheckstyle(findings, ['svc/Dockerfile', 'clean/Dockerfile']);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const files = parsed.checkstyle.file;
    expect(files).toHaveLength(2);
    expect(files[0]['@_name']).toBe('svc/Dockerfile');
    expect(files[0].error.length).toBe(findings.length);
    expect(xml).not.toMatch(/="[^"]*<[^"]*"/);
  });

  it('gitlab is a Code Quality array with unique fingerprints', () => {
    const issues = JSON.parse(formatGitlab(findings));
    expect(issues.length).toBe(findings.length);
    expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(issues.length);
    for (const issue of issues) {
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
      expect(issue.location.path).toBe('svc/Dockerfile');
      expect(issue.location.lines.begin).toBeGreaterThanOrEqual(1);
    }
  });

  it('tty groups by file, shows the fix, colours only when asked', () => {
    const plain = formatTty(findings, { files: ['svc/Dockerfile', 'ok/Dockerfile'] });
    expect(plain).toContain('svc/Dockerfile\n');
    expect(plain).toContain('fix: Replace `ADD` with `COPY` for local files.');
    expect(plain).toContain('ok/Dockerfile no findings');
    expect(plain).not.toContain('\u001b[');
    expect(formatTty(findings, { color: true })).toContain('\u001b[31m');
  });

  it('every rule has what SARIF help needs', () => {
    for (const rule of RULES) expect([rule.title, rule.fix, rule.docs].every(Boolean)).toBe(true);
  });
});
