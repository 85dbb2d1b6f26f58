import { expect } from 'vitest';

const LEVELS = ['none', 'note', 'warning', 'error'];
const ABSOLUTE_URI = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The rules of SARIF 2.1.0 that a consumer relies on, plus what GitHub code scanning needs to show
 * an alert: version and $schema; runs[].tool.driver with a name; rules with unique ids, a short
 * description, help text, an https helpUri, a valid default level and a numeric security-severity
 * string when present; results with ruleId, message text, a valid level, a ruleIndex pointing at
 * the rule with that id, and at least one physical location: a relative URI, a uriBaseId declared
 * in originalUriBaseIds (or %SRCROOT%), and a 1-based region.
 */
export function expectValidSarif(log: any, resultCount?: number): void {
  expect(log.version).toBe('2.1.0');
  expect(log.$schema).toMatch(/sarif-2\.1\.0/);
  expect(Array.isArray(log.runs)).toBe(true);
  expect(log.runs.length).toBeGreaterThan(0);
  for (const run of log.runs) {
    const driver = run.tool.driver;
    expect(typeof driver.name).toBe('string');
    expect(driver.name).not.toBe('');
    if (driver.informationUri !== undefined) expect(driver.informationUri).toMatch(/^https:\/\//);
    const rules: any[] = driver.rules ?? [];
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      expect(typeof rule.id).toBe('string');
      expect(rule.shortDescription.text).toBeTruthy();
      expect(rule.shortDescription.text).not.toContain('\n');
      expect(rule.help.text).toBeTruthy();
      expect(rule.helpUri).toMatch(/^https:\/\/[^\s]+$/);
      expect(LEVELS).toContain(rule.defaultConfiguration.level);
      const score = rule.properties?.['security-severity'];
      if (score !== undefined) {
        expect(typeof score).toBe('string');
        expect(Number(score)).toBeGreaterThanOrEqual(0);
        expect(Number(score)).toBeLessThanOrEqual(10);
      }
      if (rule.properties?.tags !== undefined) expect(rule.properties.tags.every((t: unknown) => typeof t === 'string')).toBe(true);
    }
    const bases = new Set(['%SRCROOT%', ...Object.keys(run.originalUriBaseIds ?? {})]);
    for (const base of Object.values<any>(run.originalUriBaseIds ?? {})) expect(base.uri).toMatch(/^[a-z]+:\/\/.*\/$/);
    for (const result of run.results) {
      expect(typeof result.ruleId).toBe('string');
      expect(typeof result.message.text).toBe('string');
      expect(result.message.text).not.toBe('');
      expect(LEVELS).toContain(result.level);
      expect(result.ruleIndex).toBeTypeOf('number');
      expect(rules[result.ruleIndex].id).toBe(result.ruleId);
      for (const value of Object.values(result.partialFingerprints ?? {})) expect(typeof value).toBe('string');
      expect(result.locations.length).toBeGreaterThan(0);
      for (const location of result.locations) {
        const physical = location.physicalLocation;
        expect(typeof physical.artifactLocation.uri).toBe('string');
        expect(physical.artifactLocation.uri).not.toMatch(ABSOLUTE_URI);
        expect(physical.artifactLocation.uri).not.toMatch(/^\/|\\|\s/);
        expect(bases).toContain(physical.artifactLocation.uriBaseId);
        expect(Number.isInteger(physical.region.startLine)).toBe(true);
        expect(physical.region.startLine).toBeGreaterThanOrEqual(1);
        if (physical.region.startColumn !== undefined) expect(physical.region.startColumn).toBeGreaterThanOrEqual(1);
      }
    }
  }
  if (resultCount !== undefined) expect(log.runs.reduce((n: number, run: any) => n + run.results.length, 0)).toBe(resultCount);
}
