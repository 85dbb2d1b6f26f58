import { expect, it } from 'vitest';
import { defaultLintConfig, lintDockerfile, RULES, type LintConfig } from '../../../src/lint/index.js';
import type { Rule } from '../../../src/lint/rule.js';

export interface RuleCases {
  /** Dockerfiles the rule must report (at least once). */
  catches: string[];
  /** Dockerfiles the rule must not report. */
  passes: string[];
  config?: Partial<LintConfig>;
  /** Dockerfile -> expected text after fixDockerfile limited to this rule. */
  fixes?: Array<[string, string]>;
  /** The day end-of-life facts are judged by (default: the day the end-of-life table was taken). */
  today?: string;
}

/** Declares the catches / does-not-catch tests of one rule, run through the full linter. */
export function ruleCases(rule: Rule, cases: RuleCases): void {
  const config: LintConfig = { ...defaultLintConfig(), ...cases.config, override: { style: [rule.id], ...cases.config?.override } };
  const codes = (text: string) => lintDockerfile(text, { config, strict: true, today: cases.today }).filter((f) => f.code === rule.id);
  it(`${rule.id} ${rule.slug} is registered with its metadata`, () => {
    expect(RULES).toContain(rule);
    expect(rule.fix).toMatch(/^[A-Z`].*\.$/);
    expect(rule.title.length).toBeGreaterThan(5);
    expect(rule.docs.length).toBeGreaterThan(20);
  });
  for (const text of cases.catches) {
    it(`catches ${JSON.stringify(text.slice(0, 90))}`, () => {
      expect(codes(text).length).toBeGreaterThan(0);
    });
  }
  for (const text of cases.passes) {
    it(`does not catch ${JSON.stringify(text.slice(0, 90))}`, () => {
      expect(codes(text)).toEqual([]);
    });
  }
  for (const [before, after] of cases.fixes ?? []) {
    it(`fixes ${JSON.stringify(before.slice(0, 70))}`, async () => {
      const { fixDockerfile } = await import('../../../src/lint/index.js');
      const result = fixDockerfile(before, { config, only: [rule.id] });
      expect(result.text).toBe(after);
      expect(result.applied.some((a) => a.code === rule.id)).toBe(true);
      expect(codes(result.text)).toEqual([]);
    });
  }
}
