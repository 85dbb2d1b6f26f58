import { describe, expect, it } from 'vitest';
import { fixableLintCodes, fixLintCodes, lintText } from '../../src/fix/lint-bridge.js';
import { applyActions, planFixes } from '../../src/fix/planner.js';
import { renderManual } from '../../src/fix/report.js';
import type { FixInputs } from '../../src/fix/types.js';
import { readStages } from '../../src/scan/dockerfile-stages.js';
import { auditRecords } from '../../src/scan/builtin.js';
import type { AuditFinding } from '../../src/audit/types.js';
import { auditImageFacts } from '../../src/audit/audit.js';
import { goodImage } from '../audit/facts.js';

const IMAGE = 'shop:latest';

function audit(id: string, path?: string): AuditFinding {
  return { id, level: 'warning', message: id, fix: '', aliases: [], ...(path ? { path, layer: 1 } : {}) };
}

function plan(dockerfile: string, findings: AuditFinding[], bases: FixInputs['bases'] = []) {
  const files = { Dockerfile: dockerfile };
  const inputs: FixInputs = {
    dockerfile: 'Dockerfile',
    files,
    lintFindings: lintText(dockerfile, 'Dockerfile'),
    fixableCodes: fixableLintCodes(),
    fixLint: fixLintCodes,
    lint: lintText,
    scanRecords: auditRecords(findings, IMAGE, []),
    bases,
  };
  return { files, actions: planFixes(inputs) };
}

const DEBIAN = ['FROM debian:12.12-slim', 'WORKDIR /app', 'COPY server.sh /app/', 'CMD ["/app/server.sh"]', ''].join('\n');
const SETUID = [audit('HI803', '/usr/bin/su'), audit('HI803', '/usr/bin/passwd'), audit('HI801'), audit('HI808')];

describe('audit findings in the plan', () => {
  it('the USER lint fix also promises the audit finding "runs as root"', () => {
    const { actions } = plan(DEBIAN, SETUID);
    const user = actions.find((a) => a.id === 'lint:HI201')!;
    expect(user.removes).toEqual(['lint:Dockerfile:HI201#0', `scan:HI801:${IMAGE}`]);
    expect(user.effect).toBe('removes 1 lint finding (HI201) and 1 audit finding (HI801) once rebuilt');
  });

  it('drops setuid/setgid bits in the final stage before the USER it needs root for', () => {
    const { files, actions } = plan(DEBIAN, SETUID);
    const setuid = actions.find((a) => a.id === 'audit:HI803')!;
    expect(setuid.kind).toBe('audit-fix');
    expect(setuid.safe).toBe(true);
    expect(setuid.removes).toEqual(['scan:HI803:/usr/bin/su', 'scan:HI803:/usr/bin/passwd']);
    expect(setuid.diff).toContain('+RUN find / -xdev \\( -perm -4000 -o -perm -2000 \\) -type f -exec chmod a-s {} +');
    // composed with the USER fix, in either order, the RUN comes before USER and CMD
    const user = actions.find((a) => a.id === 'lint:HI201')!;
    for (const order of [[setuid, user], [user, setuid]]) {
      const lines = applyActions(files, order).Dockerfile.split('\n');
      const run = lines.findIndex((l) => l.startsWith('RUN find /'));
      expect(run).toBeGreaterThan(0);
      expect(run).toBeLessThan(lines.indexOf('USER 10001:10001'));
      expect(run).toBeLessThan(lines.indexOf('CMD ["/app/server.sh"]'));
    }
    // the new lines bring no lint finding of their own
    const after = setuid.apply(files).Dockerfile;
    const added = readStages(after)[0].instructions.find((i) => i.args.startsWith('find /'))!;
    expect(lintText(after, 'Dockerfile').filter((f) => f.line === added.line)).toEqual([]);
  });

  it('puts the RUN before an existing USER, and applying it twice changes nothing more', () => {
    const withUser = DEBIAN.replace('CMD', 'USER 10001:10001\nCMD');
    const { files, actions } = plan(withUser, SETUID);
    const setuid = actions.find((a) => a.id === 'audit:HI803')!;
    const once = setuid.apply(files);
    const lines = once.Dockerfile.split('\n');
    expect(lines.findIndex((l) => l.startsWith('RUN find /'))).toBe(lines.indexOf('USER 10001:10001') - 1);
    expect(setuid.apply(once)).toEqual(once);
  });

  it('offers no setuid fix where the final stage has no shell to run it', () => {
    const distroless = ['FROM debian:12.12-slim AS build', 'RUN true', 'FROM gcr.io/distroless/static-debian12:nonroot', 'COPY --from=build /bin/true /app', 'CMD ["/app"]', ''].join('\n');
    expect(plan(distroless, SETUID).actions.map((a) => a.id)).not.toContain('audit:HI803');
  });

  it('gives a USER by name the numbers the image\'s /etc/passwd has for it', () => {
    const named = auditImageFacts(goodImage({ config: { ...goodImage().config, User: 'app' } })).findings.filter((f) => f.id === 'HI802');
    const dockerfile = DEBIAN.replace('CMD', 'RUN useradd --uid 10001 app\nUSER app\nCMD');
    const { files, actions } = plan(dockerfile, named);
    const user = actions.find((a) => a.id === 'audit:HI802')!;
    expect(user.safe).toBe(true);
    expect(user.diff).toContain('-USER app\n+USER 10001:10001');
    const after = user.apply(files).Dockerfile;
    expect(lintText(after, 'Dockerfile').map((f) => f.code)).not.toContain('HI203');
    expect(user.removes).toEqual(['lint:Dockerfile:HI203#0', `scan:HI802:${IMAGE}`]);
    expect(user.apply(user.apply(files))).toEqual(user.apply(files));
    // a user the Dockerfile does not set, or numbers the audit could not find: no promise
    expect(plan(DEBIAN, named).actions.map((a) => a.id)).not.toContain('audit:HI802');
    const unknown = auditImageFacts(goodImage({ config: { ...goodImage().config, User: 'nobody' } })).findings.filter((f) => f.id === 'HI802');
    expect(plan(DEBIAN.replace('CMD', 'USER nobody\nCMD'), unknown).actions.map((a) => a.id)).not.toContain('audit:HI802');
  });

  it('lists what no action removes, to change by hand: lint findings with their fix, then image findings', () => {
    const { actions } = plan(DEBIAN, SETUID);
    const lint = lintText(DEBIAN, 'Dockerfile');
    const lines = renderManual(actions, lint, auditRecords(SETUID, IMAGE, []));
    expect(lines[0]).toMatch(/^left for a change by hand \(\d+\):$/);
    // HI505 (no HEALTHCHECK) has no safe fix; the audit's HI808 neither; HI201/HI801 and HI803 do
    expect(lines.some((l) => /^  Dockerfile:\d+ HI505 .*; fix: /.test(l))).toBe(true);
    expect(lines).toContain(`  ${IMAGE} HI808 HI808`);
    expect(lines.some((l) => / HI201 | HI801 | HI803 /.test(l))).toBe(false);
    expect(renderManual(actions, [], [])).toEqual([]);
    // a long list is cut at ten lines and counted
    const many = auditRecords(Array.from({ length: 14 }, (_, i) => audit('HI808', `/f${i}`)), IMAGE, []);
    const cut = renderManual([], [], many);
    expect(cut).toHaveLength(12);
    expect(cut.at(-1)).toBe('  and 4 more');
  });

  it('promises nothing for audit findings it has no change for', () => {
    const { actions } = plan(DEBIAN, [audit('HI808'), audit('HI809')]);
    expect(actions.flatMap((a) => a.removes).filter((k) => k.startsWith('scan:'))).toEqual([]);
  });
});

describe('pinning bases by digest', () => {
  const DIGEST = `sha256:${'d'.repeat(64)}`;
  const twoStages = ['FROM node:22.21.1-bookworm-slim AS build', 'RUN npm ci', 'FROM debian:12.12-slim', 'COPY --from=build /app /app', 'USER 10001:10001', 'CMD ["/app/server"]', ''].join('\n');
  const base = (written: string, currentDigest: string | null, tags: string[] = []) => {
    const [repository, tag] = written.split(':');
    return { written, repository, tag, digest: null, tags, currentDigest, candidateDigests: {} };
  };

  it('pins each base the registry resolved, and promises only the HI103 findings that go away', () => {
    const { files, actions } = plan(twoStages, [], [base('node:22.21.1-bookworm-slim', DIGEST), base('debian:12.12-slim', null)]);
    const pin = actions.find((a) => a.id === 'base-pin')!;
    expect(pin.safe).toBe(true);
    expect(pin.diff).toContain(`+FROM node:22.21.1-bookworm-slim@${DIGEST} AS build`);
    expect(pin.diff).not.toContain('+FROM debian');
    expect(pin.removes).toEqual(['lint:Dockerfile:HI103#1']);
    const after = lintText(pin.apply(files).Dockerfile, 'Dockerfile').filter((f) => f.code === 'HI103');
    expect(after.map((f) => f.line)).toEqual([3]);
  });

  it('leaves a base alone when an update of it is offered', () => {
    const { actions } = plan(twoStages, [], [base('debian:12.12-slim', DIGEST, ['12.12-slim', '12.13-slim'])]);
    expect(actions.map((a) => a.id)).toContain('base-update:debian:12.12-slim');
    expect(actions.map((a) => a.id)).not.toContain('base-pin');
  });
});
