import { describe, expect, it } from 'vitest';
import { fixableLintCodes, fixLintCodes, lintText } from '../../src/fix/lint-bridge.js';
import { fixDockerfile } from '../../src/lint/index.js';

const insecure = ['FROM debian:12.12-slim', 'MAINTAINER someone@example.com', 'ADD app.tar.gz /app/', 'ADD server.js /app/', 'RUN apt-get update && apt-get install curl', 'CMD node /app/server.js', ''].join('\n');

describe('lint bridge', () => {
  it('with every fixable code, gives exactly what `lint --fix` gives', () => {
    const all = fixLintCodes(insecure, [...fixableLintCodes()]);
    expect(all).toBe(fixDockerfile(insecure).text);
    expect(all).not.toBe(insecure);
  });

  it('with one code, fixes that code only and leaves the other findings alone', () => {
    const before = lintText(insecure, 'Dockerfile');
    const codes = new Set(before.map((f) => f.code));
    const fixable = [...codes].filter((c) => fixableLintCodes().has(c));
    expect(fixable.length).toBeGreaterThan(1);
    for (const code of fixable) {
      const after = lintText(fixLintCodes(insecure, [code]), 'Dockerfile');
      const count = (list: typeof before, c: string) => list.filter((f) => f.code === c).length;
      expect(count(after, code)).toBeLessThan(count(before, code));
      for (const other of codes) if (other !== code) expect({ code, other, n: count(after, other) <= count(before, other) }).toEqual({ code, other, n: true });
    }
  });

  it('changes nothing when given no code', () => {
    expect(fixLintCodes(insecure, [])).toBe(insecure);
  });
});
