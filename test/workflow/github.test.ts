import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import pins from '../../src/workflow/actions.json' with { type: 'json' };
import { githubWorkflow, WORKFLOW_PATH } from '../../src/workflow/github.js';
import { runMain } from '../sign/run-main.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
}
interface Job {
  permissions?: Record<string, string>;
  if?: string;
  steps: Step[];
}

/** The structural rules a hardened workflow must meet; returns one line per violation. */
function structuralProblems(text: string): string[] {
  const doc = parse(text) as { permissions?: unknown; jobs: Record<string, Job> };
  const problems: string[] = [];
  if (JSON.stringify(doc.permissions) !== '{}') problems.push('top-level permissions must be {}');
  for (const [name, job] of Object.entries(doc.jobs)) {
    if (!job.permissions || typeof job.permissions !== 'object') problems.push(`${name}: no permissions`);
    const signs = job.steps.some((s) => /\bcosign sign\b/.test(s.run ?? '') || (s.uses ?? '').startsWith('actions/attest-build-provenance@'));
    if (job.permissions?.['id-token'] === 'write' && !signs) problems.push(`${name}: id-token: write without signing`);
    if (signs && job.permissions?.['id-token'] !== 'write') problems.push(`${name}: signs without id-token: write`);
    if (signs && !/github\.event_name != 'pull_request'/.test(job.if ?? '')) problems.push(`${name}: signs on pull requests`);
    for (const step of job.steps) {
      if (step.uses && !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(step.uses)) problems.push(`${name}: ${step.uses} is not pinned by commit SHA`);
      if (step.run?.includes('${{')) problems.push(`${name}: \${{ }} inside run: (${step.name ?? step.run.slice(0, 30)})`);
    }
  }
  for (const line of text.split('\n')) {
    if (/^\s*(- )?uses: /.test(line) && !/ # v\d+\.\d+\.\d+$/.test(line)) problems.push(`no version comment: ${line.trim()}`);
  }
  return problems;
}

describe('the GitHub workflow', () => {
  const text = githubWorkflow({ version: '1.2.3', severity: 'critical', image: 'ghcr.io/acme/app' });
  const doc = parse(text) as { on: Record<string, unknown>; jobs: Record<string, Job>; env: Record<string, string> };

  it('parses as YAML and passes the structural check', () => {
    expect(structuralProblems(text)).toEqual([]);
  });

  it('the structural check catches each violation', () => {
    const bad = text
      .replace(/actions\/checkout@[0-9a-f]{40}/, 'actions/checkout@v4')
      .replace('run: cosign sign --yes "$IMAGE@$DIGEST"', 'run: cosign sign --yes "${{ needs.build.outputs.image }}"')
      .replace("    permissions:\n      contents: read\n    steps:", '    steps:')
      .replace("  sign:\n    name: Sign keyless and attest provenance\n    needs: build\n    if: github.event_name != 'pull_request'\n", '  sign:\n    name: Sign\n    needs: build\n');
    const problems = structuralProblems(bad);
    expect(problems).toContain('check: no permissions');
    expect(problems).toContain('check: actions/checkout@v4 is not pinned by commit SHA');
    expect(problems.some((p) => p.startsWith('sign: ${{ }} inside run:'))).toBe(true);
    expect(problems).toContain('sign: signs on pull requests');
    const widened = text.replace('    permissions:\n      contents: read\n      packages: write\n    outputs:', '    permissions:\n      contents: read\n      packages: write\n      id-token: write\n    outputs:');
    expect(structuralProblems(widened)).toContain('build: id-token: write without signing');
  });

  it('pins every action to the SHA of the maintained table', () => {
    const used = Object.values(doc.jobs).flatMap((job) => job.steps.flatMap((s) => (s.uses ? [s.uses] : [])));
    const table = new Map(Object.values(pins.actions).map((a) => [a.repo, a.sha]));
    for (const ref of used) {
      const [repo, sha] = ref.split('@');
      expect(table.get(repo), repo).toBe(sha);
    }
    expect(new Set(used.map((u) => u.split('@')[0]))).toEqual(new Set(table.keys()));
  });

  it('verifies base images, lints, builds, scans on the severity, pushes, signs keyless, attests and self-verifies', () => {
    expect(doc.env).toMatchObject({ SEVERITY: 'critical', IMAGE_NAME: 'ghcr.io/acme/app', DOCKERFILE: 'Dockerfile' });
    const runs = (job: string) => doc.jobs[job].steps.map((s) => s.run ?? s.uses ?? '');
    expect(runs('check')).toContain('npx --yes harden-init@1.2.3 verify --dockerfile "$DOCKERFILE"');
    expect(runs('check')).toContain('npx --yes harden-init@1.2.3 lint "$DOCKERFILE" --failure-threshold warning');
    const build = runs('build');
    const scan = build.findIndex((r) => r.includes('harden-init@1.2.3 scan') && r.includes('--severity "$SEVERITY"'));
    const push = doc.jobs.build.steps.findIndex((s) => s.name === 'Push');
    expect(scan).toBeGreaterThan(0);
    expect(push).toBeGreaterThan(scan);
    expect(doc.jobs.build.steps[push].if).toBe("github.event_name != 'pull_request'");
    const sign = doc.jobs.sign;
    expect(sign.permissions).toEqual({ contents: 'read', packages: 'write', 'id-token': 'write', attestations: 'write' });
    expect(sign.steps.map((s) => s.run ?? '')).toContain('cosign sign --yes "$IMAGE@$DIGEST"');
    expect(sign.steps.some((s) => s.uses?.startsWith('actions/attest-build-provenance@'))).toBe(true);
    const verify = sign.steps.at(-1) as Step;
    expect(verify.run).toMatch(/cosign verify "\$IMAGE@\$DIGEST"/);
    expect(verify.env?.IDENTITY).toBe('${{ github.server_url }}/${{ github.workflow_ref }}');
    expect(Object.keys(doc.on)).toEqual(['push', 'pull_request', 'workflow_dispatch']);
  });
});

describe('harden-init ci --github', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'harden-init-ci-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes the workflow, leaves an identical one alone and backs up a changed one', async () => {
    const first = await runMain(['ci', '--github'], { cwd: dir });
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^create\s+\.github\/workflows\/harden-init-image\.yml$/m);
    const file = path.join(dir, WORKFLOW_PATH);
    const written = await readFile(file, 'utf8');
    expect(structuralProblems(written)).toEqual([]);

    expect((await runMain(['ci', '--github'], { cwd: dir })).stdout).toMatch(/^identical\s+/m);

    await writeFile(file, '# edited by hand\n');
    const third = await runMain(['ci', '--github', '--severity', 'medium'], { cwd: dir });
    expect(third.stdout).toMatch(/^backup\s+\.github\/workflows\/harden-init-image\.yml\.harden-init\.bak$/m);
    expect(await readFile(`${file}.harden-init.bak`, 'utf8')).toBe('# edited by hand\n');
    expect(await readFile(file, 'utf8')).toContain('SEVERITY: "medium"');
  });

  it('asks for a CI when --github is missing', async () => {
    const result = await runMain(['ci'], { cwd: dir });
    expect(result).toMatchObject({ exitCode: 2, stderr: 'harden-init: choose the CI to write a workflow for (ci): pass --github\n' });
  });
});
