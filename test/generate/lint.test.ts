import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../../src/lint/index.js';
import { generateFiles } from '../../src/generate/index.js';
import { appsDir, fixtureAnswers, fixtureContext, fixtureNames } from './helpers.js';

describe('every generated Dockerfile passes harden-init lint with zero findings', () => {
  for (const name of fixtureNames()) {
    it(name, () => {
      const text = readFileSync(path.join(appsDir, name, 'expected', 'Dockerfile'), 'utf8');
      const findings = lintDockerfile(text, { strict: true });
      expect(findings.map((finding) => `${finding.line}: ${finding.code} ${finding.message}`)).toEqual([]);
    });
  }

  it('also unpinned (--no-pin), where every FROM carries a how-to-pin comment', async () => {
    for (const name of ['node-express', 'python-django', 'java-spring-maven']) {
      const context = { ...(await fixtureContext(name, {})), pinSkipped: 'no-pin' as const };
      const dockerfile = generateFiles({ ...fixtureAnswers(name), pin: false }, context).files.find((file) => file.path === 'Dockerfile')!.content;
      const findings = lintDockerfile(dockerfile, { strict: true });
      expect(findings.filter((finding) => finding.level === 'error' || finding.level === 'warning').map((finding) => finding.code)).toEqual([]);
      const froms = dockerfile.split('\n').map((line, i, lines) => [line, lines[i - 1]] as const).filter(([line]) => line.startsWith('FROM '));
      for (const [, above] of froms) expect(above).toMatch(/^# Tag only \(--no-pin\)/);
    }
  });

  it('also without a public security.txt URL: the final stage carries the Contact in a security.contact label, which the linter takes as the contact', async () => {
    for (const name of ['node-express', 'python-django']) {
      const answers = fixtureAnswers(name);
      const security = { contact: 'mailto:security@example.com', preferredLanguages: answers.security.preferredLanguages, expires: answers.security.expires };
      const dockerfile = generateFiles({ ...answers, security }, await fixtureContext(name, {})).files.find((file) => file.path === 'Dockerfile')!.content;
      expect(dockerfile).not.toMatch(/^(LABEL| +)securitytxt=/m);
      expect(dockerfile).toMatch(/^ +security\.contact="mailto:security@example\.com"$/m);
      expect(dockerfile).toContain('# No public URL for security.txt was given (--security-url), so security.contact names who to tell;');
      expect(dockerfile).not.toContain('harden-init stage ignore');
      // (the test context resolves no digests: HI103 is the only other finding, as with --no-pin)
      const codes = (text: string) => lintDockerfile(text, { strict: true }).map((finding) => finding.code).filter((code) => code !== 'HI103');
      expect(codes(dockerfile)).toEqual([]);
      // the label is what satisfies the rule: without it the linter reports the missing contact
      expect(codes(dockerfile.replace(/ \\\n +security\.contact=\S+/, ''))).toEqual(['HI616']);
    }
  });
});
