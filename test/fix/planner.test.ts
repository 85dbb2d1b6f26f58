import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixableLintCodes, fixLintCodes, lintText } from '../../src/fix/lint-bridge.js';
import { applyActions, planFixes } from '../../src/fix/planner.js';
import { lintKeys, type BaseImageInfo, type FixInputs } from '../../src/fix/types.js';
import { nextTagInLine, smallerFlavor } from '../../src/fix/versions.js';
import type { ScanRecord } from '../../src/scan/record.js';
import { corpusDir } from '../helpers/paths.js';
import { describeCorpus } from '../helpers/requirements.js';

function inputs(files: Record<string, string>, over: Partial<FixInputs> = {}): FixInputs {
  return {
    dockerfile: 'Dockerfile',
    files,
    lintFindings: files.Dockerfile ? lintText(files.Dockerfile, 'Dockerfile') : [],
    fixableCodes: fixableLintCodes(),
    fixLint: fixLintCodes,
    lint: lintText,
    scanRecords: [],
    bases: [],
    ...over,
  };
}

function record(id: string, pkg: string, installed: string, fixedIn: string | null, source: 'base' | 'app', ecosystem: string, p: string | null = null): ScanRecord {
  return { finding: { id, severity: 'high', package: pkg, installed, fixedIn, source, scanner: 'trivy', title: id, url: '' }, layers: [], path: p, introducedBy: [], ecosystem };
}

const DIGEST_OLD = `sha256:${'a'.repeat(64)}`;
const DIGEST_NEW = `sha256:${'b'.repeat(64)}`;
const DIGEST_NEXT = `sha256:${'c'.repeat(64)}`;

describe('tag choice', () => {
  const tags = ['22.21.0-bookworm-slim', '22.21.1-bookworm-slim', '22.21.3-bookworm-slim', '22.22.0-bookworm-slim', '22.21.3-bookworm', '24.0.0-bookworm-slim', 'latest'];
  it('prefers the newest patch of the same line and flavour', () => {
    expect(nextTagInLine('22.21.1-bookworm-slim', tags)).toEqual({ tag: '22.21.3-bookworm-slim', step: 'patch' });
  });
  it('falls back to the newest minor of the same major, never a new major', () => {
    expect(nextTagInLine('22.21.3-bookworm-slim', tags)).toEqual({ tag: '22.22.0-bookworm-slim', step: 'minor' });
    expect(nextTagInLine('22.22.0-bookworm-slim', tags)).toBeNull();
  });
  it('offers a smaller flavour of the same version when the registry has it', () => {
    expect(smallerFlavor('22.21.3-bookworm', tags)).toEqual({ tag: '22.21.3-bookworm-slim', step: 'flavor' });
    expect(smallerFlavor('22.21.1-bookworm-slim', tags)).toBeNull();
  });
});

describe('planFixes', () => {
  const dockerfile = [
    'FROM node:22.21.1-bookworm-slim@' + DIGEST_OLD + ' AS build',
    'WORKDIR /app',
    'COPY . .',
    'RUN npm ci',
    '',
    'FROM debian:12.11-slim@' + DIGEST_OLD,
    'COPY --from=build /app /app',
    'USER 10001:10001',
    'CMD ["/app/server"]',
    '',
  ].join('\n');
  const bases: BaseImageInfo[] = [
    { written: `node:22.21.1-bookworm-slim@${DIGEST_OLD}`, repository: 'node', tag: '22.21.1-bookworm-slim', digest: DIGEST_OLD, tags: ['22.21.1-bookworm-slim'], currentDigest: DIGEST_NEW, candidateDigests: {} },
    { written: `debian:12.11-slim@${DIGEST_OLD}`, repository: 'debian', tag: '12.11-slim', digest: DIGEST_OLD, tags: ['12.11-slim', '12.12-slim', '13.1-slim'], currentDigest: DIGEST_OLD, candidateDigests: { '12.12-slim': DIGEST_NEXT } },
  ];
  const scanRecords = [
    record('CVE-1', 'libssl3', '3.0.11-1~deb12u2', '3.0.13-1~deb12u1', 'base', 'os'),
    record('CVE-2', 'libssl3', '3.0.11-1~deb12u2', '3.0.14-1~deb12u1', 'base', 'os'),
    record('CVE-3', 'zlib1g', '1:1.2.13', null, 'base', 'os'),
    record('CVE-4', 'express', '4.16.0', '4.20.0', 'app', 'node-pkg', '/app/node_modules/express/package.json'),
    record('CVE-5', 'qs', '6.5.2', '6.5.3', 'app', 'npm', '/app/package-lock.json'),
    record('CVE-6', 'urllib3', '1.26.3', '1.26.5', 'app', 'pip', '/app/requirements.txt'),
  ];
  const files = {
    Dockerfile: dockerfile,
    'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "express": "^4.16.0"\n  }\n}\n',
    'requirements.txt': 'flask==2.0.1\nurllib3==1.26.3\n',
  };
  const actions = planFixes(inputs(files, { scanRecords, bases, lintFindings: [] }), 'debian 12.11');
  const byKind = (kind: string) => actions.filter((a) => a.kind === kind);

  it('updates the final base to the next patch of its line, pinned to the new digest', () => {
    const [update] = byKind('base-update');
    expect(update.title).toContain('debian 12.11-slim -> 12.12-slim');
    expect(update.safe).toBe(true); // 12.11 -> 12.12 is a Debian point release: the last number of the tag
    expect(update.diff).toContain(`+FROM debian:12.12-slim@${DIGEST_NEXT}`);
    expect(update.removes).toEqual(['scan:CVE-1:libssl3', 'scan:CVE-2:libssl3']);
  });

  it('refreshes a build-stage base whose tag has a new digest', () => {
    const [refresh] = byKind('base-refresh');
    expect(refresh.safe).toBe(true);
    expect(refresh.diff).toContain(`+FROM node:22.21.1-bookworm-slim@${DIGEST_NEW} AS build`);
    expect(refresh.removes).toEqual([]);
  });

  it('upgrades OS packages right after the final FROM, pinned to the highest fixed version', () => {
    const [os] = byKind('os-upgrade');
    const after = os.apply(files).Dockerfile.split('\n');
    const from = after.findIndex((l) => l.startsWith('FROM debian'));
    expect(after[from + 2]).toBe('RUN apt-get update \\');
    expect(after[from + 3]).toContain('--only-upgrade libssl3=3.0.14-1~deb12u1');
    expect(os.removes).toEqual(['scan:CVE-1:libssl3', 'scan:CVE-2:libssl3']);
    expect(lintText(after.join('\n'), 'Dockerfile').filter((f) => f.line > from + 1 && f.line <= from + 5)).toEqual([]);
  });

  it('bumps direct npm dependencies, overrides transitive ones, and pins requirements', () => {
    const [npm, pip] = byKind('dependency-bump');
    const pkg = JSON.parse(npm.apply(files)['package.json']);
    expect(pkg.dependencies.express).toBe('^4.20.0');
    expect(pkg.overrides).toEqual({ qs: '^6.5.3' });
    expect(npm.safe).toBe(false);
    expect(npm.followUp).toContain('npm install');
    expect(pip.apply(files)['requirements.txt']).toBe('flask==2.0.1\nurllib3==1.26.5\n');
    expect(pip.diff).toContain('+urllib3==1.26.5');
  });

  it('composes: applying every action keeps each change', () => {
    const all = applyActions(files, actions.filter((a) => a.kind !== 'base-flavor'));
    expect(all.Dockerfile).toContain(`FROM debian:12.12-slim@${DIGEST_NEXT}`);
    expect(all.Dockerfile).toContain('--only-upgrade libssl3=');
    expect(all['requirements.txt']).toContain('urllib3==1.26.5');
  });
});

const dockerfilesDir = path.join(corpusDir, 'dockerfiles');

describeCorpus('lint remediation on the corpus Dockerfiles', () => {
  it('each lint-fix action removes the findings it promises (re-lint), alone and all together', () => {
    const names = readdirSync(dockerfilesDir).filter((n) => /dockerfile$/i.test(n));
    let checked = 0;
    for (const name of names) {
      const text = readFileSync(path.join(dockerfilesDir, name), 'utf8');
      if (/^\s*#\s*escape\s*=/im.test(text)) continue;
      const files = { Dockerfile: text };
      const actions = planFixes(inputs(files));
      for (const action of actions) {
        expect(['lint-fix', 'base-supported']).toContain(action.kind);
        const after = lintKeys(lintText(action.apply(files).Dockerfile, 'Dockerfile'));
        expect({ name, action: action.id, left: action.removes.filter((k) => after.includes(k)) }).toEqual({ name, action: action.id, left: [] });
        checked++;
      }
      const promised = new Set(actions.flatMap((a) => a.removes));
      const afterAll = lintKeys(lintText(applyActions(files, actions).Dockerfile, 'Dockerfile'));
      expect({ name, left: afterAll.filter((k) => promised.has(k)) }).toEqual({ name, left: [] });
    }
    expect(checked).toBeGreaterThan(10);
  }, 120_000);
});
