import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeCorpus } from '../helpers/requirements.js';
import { corpusDir } from '../helpers/paths.js';
import { defaultLintConfig, lintDockerfile } from '../../src/lint/index.js';

interface Case {
  rule: string;
  dockerfile: string;
  expect: boolean;
  count: number | null;
  test: string;
  source: string;
  line: number;
  variant: string;
}

/**
 * Cases where we deliberately differ from hadolint, keyed `rule|source:line|variant`, with the reason.
 */
const ALLOWED: Record<string, string> = {
  // We also report a missing USER, digest pinning, OCI/securitytxt labels and a missing HEALTHCHECK on
  // this file; hadolint's "no finding at all" regression test cannot hold for a hardening linter.
  '*|test/RegressionSpec.hs:*': 'we add hardening findings hadolint does not have',
  // The ONBUILD variant of "dnf install && microdnf clean all": both tools clean the same
  // /var/cache/dnf, so we accept microdnf's clean for dnf's install (the plain variant is not a case).
  'DL3040|test/Hadolint/Rule/DL3040Spec.hs:20|onbuild': 'microdnf clean all cleans the dnf cache too',
};

describeCorpus('hadolint conformance (shared corpus cases.json)', () => {
  it('agrees with hadolint on at least 97% of its rule cases', () => {
    const cases: Case[] = JSON.parse(readFileSync(path.join(corpusDir, 'hadolint/cases.json'), 'utf8'));
    // DL1001 is off by default, as in hadolint ("ignore" severity); the cases see it, so switch it on.
    const config = { ...defaultLintConfig(), override: { style: ['DL1001'] } };
    const relevant = cases.filter((c) => c.rule !== 'shellcheck');
    const disagreements: string[] = [];
    let agreed = 0;
    let allowed = 0;
    let countChecked = 0;
    let countAgreed = 0;
    for (const c of relevant) {
      const findings = lintDockerfile(`${c.dockerfile}\n`, { config, strict: true });
      const matching = c.rule === '*' ? findings : findings.filter((f) => f.code === c.rule || f.aliases.includes(c.rule));
      const ok = c.expect ? matching.length > 0 : matching.length === 0;
      if (c.count !== null) {
        countChecked++;
        if (matching.length === c.count) countAgreed++;
      }
      const key = `${c.rule}|${c.source}:${c.line}|${c.variant}`;
      const allowKey = Object.keys(ALLOWED).find((k) => k === key || (k.endsWith(':*') && key.startsWith(k.slice(0, -1))));
      if (ok) agreed++;
      else if (allowKey) allowed++;
      else disagreements.push(`${key} expect=${c.expect} got=${matching.length} (${c.test})\n    ${JSON.stringify(c.dockerfile)}`);
    }
    const rate = (agreed + allowed) / relevant.length;
    console.log(`hadolint cases: ${agreed} agree, ${allowed} allowed differences, ${disagreements.length} disagree of ${relevant.length} (${(rate * 100).toFixed(1)}%); exact counts ${countAgreed}/${countChecked}`);
    if (disagreements.length) console.log(`disagreements:\n  ${disagreements.join('\n  ')}`);
    expect(rate).toBeGreaterThanOrEqual(0.97);
  });
});
