import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lint/index.js';
import { lintSarifRules } from '../../src/lint/report/sarif.js';
import { repoRoot } from '../helpers/paths.js';

describe('rule documentation links', () => {
  it("every SARIF helpUri names the rule's own file, which exists", () => {
    const missing = lintSarifRules().filter((rule) => {
      const file = /\/(src\/lint\/rules\/[^/]+\.ts)$/.exec(rule.helpUri ?? '')?.[1];
      return !file || !existsSync(path.join(repoRoot, file));
    });
    expect(RULES.length).toBeGreaterThan(50);
    expect(missing.map((rule) => rule.id)).toEqual([]);
  });
});
