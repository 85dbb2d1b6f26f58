import { expect } from 'vitest';

/**
 * The structural rules of SARIF 2.1.0 a consumer (GitHub code scanning) relies on: version,
 * runs[].tool.driver.name, rules with unique ids, results with ruleId/message.text, a valid level,
 * ruleIndex pointing at the rule with that id, 1-based regions.
 */
export function expectValidSarif(log: any, resultCount?: number): void {
  expect(log.version).toBe('2.1.0');
  expect(typeof log.$schema).toBe('string');
  expect(Array.isArray(log.runs)).toBe(true);
  for (const run of log.runs) {
    expect(typeof run.tool.driver.name).toBe('string');
    const rules: any[] = run.tool.driver.rules ?? [];
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) expect(typeof rule.id).toBe('string');
    for (const result of run.results) {
      expect(typeof result.ruleId).toBe('string');
      expect(typeof result.message.text).toBe('string');
      expect(['none', 'note', 'warning', 'error']).toContain(result.level);
      if (result.ruleIndex !== undefined) expect(rules[result.ruleIndex].id).toBe(result.ruleId);
      for (const location of result.locations ?? []) {
        const region = location.physicalLocation?.region;
        if (region) expect(region.startLine).toBeGreaterThanOrEqual(1);
        if (location.physicalLocation) expect(typeof location.physicalLocation.artifactLocation.uri).toBe('string');
      }
    }
  }
  if (resultCount !== undefined) expect(log.runs.reduce((n: number, run: any) => n + run.results.length, 0)).toBe(resultCount);
}
