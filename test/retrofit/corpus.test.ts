import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { fixDockerfile, lintDockerfile } from '../../src/lint/index.js';
import { answersSchema } from '../../src/questions/answers.js';
import { analyzeDockerfile, applyPatches, planPatches, planRetrofit } from '../../src/retrofit/index.js';
import { retrofitDir } from '../../src/retrofit/run.js';
import { runCli } from '../helpers/cli.js';
import { corpusDir } from '../helpers/paths.js';
import { describeCorpus } from '../helpers/requirements.js';
import { generatedDockerfile } from './stacks.js';

const dockerfilesDir = path.join(corpusDir, 'dockerfiles');
const files = (() => {
  try {
    return readdirSync(dockerfilesDir).filter((f) => /dockerfile$/i.test(f)).sort();
  } catch {
    return [];
  }
})();

const work = mkdtempSync(path.join(tmpdir(), 'retrofit-corpus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const generated = { node: await generatedDockerfile('node'), python: await generatedDockerfile('python'), go: await generatedDockerfile('go') };
const answers = answersSchema.parse({ language: 'node', packageManager: 'npm', runtimeVersion: '22', startCommand: 'node server.js', port: 3000, base: 'slim', security: { contact: 'mailto:security@example.com' } });

/** Which generated skeleton a corpus file would be merged into. */
function skeletonFor(text: string): string {
  if (/\b(golang|go build)\b/i.test(text)) return generated.go;
  if (/\b(python|pip)\b/i.test(text)) return generated.python;
  return generated.node;
}

const parses = (text: string) => analyzeDockerfile(text).ok;
const count = (text: string) => lintDockerfile(text).length;

describeCorpus('retrofit over the real-world Dockerfile corpus', () => {
  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('lint --fix never crashes, never adds findings and never breaks parsing', () => {
    const worse: string[] = [];
    for (const file of files) {
      const text = readFileSync(path.join(dockerfilesDir, file), 'utf8');
      const fixed = fixDockerfile(text).text;
      if (count(fixed) > count(text) || (parses(text) && !parses(fixed))) worse.push(file);
    }
    expect(worse).toEqual([]);
  });

  it('the planner never crashes; its rewrite parses and is stable under a second run; its patch series never adds findings', () => {
    const problems: string[] = [];
    for (const file of files) {
      const text = readFileSync(path.join(dockerfilesDir, file), 'utf8');
      const plan = planRetrofit(text, { dockerfile: skeletonFor(text) }, { lint: (t) => lintDockerfile(t), fix: (t) => fixDockerfile(t).text });
      if (!parses(plan.rewrite)) problems.push(`${file}: rewrite does not parse`);
      const patched = applyPatches(text, plan.patches.map((p) => p.id), plan.patches);
      if (parses(text) && !parses(patched)) problems.push(`${file}: patched file does not parse`);
      if (count(patched) > count(text)) problems.push(`${file}: patches add findings (${count(text)} -> ${count(patched)})`);
      if (planPatches(patched, { lint: (t) => lintDockerfile(t), fix: (t) => fixDockerfile(t).text }).length > 0) problems.push(`${file}: a second patch series over the patched file is not empty`);
      // The rewrite starts from the generated file, whose own findings (tag-only pins offline) are not the merge's doing.
      const added = count(plan.rewrite) - count(skeletonFor(text));
      if (plan.model.ok && added > count(text)) problems.push(`${file}: the merge adds findings (${count(text)} -> ${added})`);
      if (planRetrofit(plan.rewrite, { dockerfile: skeletonFor(text) }).rewrite !== plan.rewrite) problems.push(`${file}: a second run over the rewrite changes it`);
    }
    expect(problems).toEqual([]);
  });

  it('harden-init lint --fix over a copy of every file: byte-identical backups, never more findings, never unparsable', async () => {
    const dir = path.join(work, 'lint-fix');
    mkdirSync(dir, { recursive: true });
    for (const file of files) cpSync(path.join(dockerfilesDir, file), path.join(dir, file));
    // One run of the built command over all of them, as a user would.
    const result = await runCli(['lint', '--fix', '--format', 'json', '--failure-threshold', 'none', ...files], { cwd: dir });
    // 0, or 2 when a file is malformed (reported after the others are fixed); never a crash.
    expect([0, 2], result.stderr).toContain(result.exitCode);
    expect(result.stderr).not.toMatch(/please report|at .*\.js:\d+/);
    const problems: string[] = [];
    for (const file of files) {
      const before = readFileSync(path.join(dockerfilesDir, file));
      const after = readFileSync(path.join(dir, file), 'utf8');
      const backup = path.join(dir, `${file}.harden-init.bak`);
      if (after === before.toString('utf8')) {
        if (existsSync(backup)) problems.push(`${file}: backup of an unchanged file`);
        continue;
      }
      if (!existsSync(backup)) problems.push(`${file}: changed without a backup`);
      else if (!readFileSync(backup).equals(before)) problems.push(`${file}: backup differs`);
      if (count(after) > count(before.toString('utf8'))) problems.push(`${file}: more findings after --fix`);
      if (parses(before.toString('utf8')) && !parses(after)) problems.push(`${file}: no longer parses`);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('through the adapter, on a copy, every mode keeps a byte-identical backup', async () => {
    const problems: string[] = [];
    for (const [index, file] of files.entries()) {
      const bytes = readFileSync(path.join(dockerfilesDir, file));
      const text = bytes.toString('utf8');
      const dir = path.join(work, String(index));
      cpSync(path.join(dockerfilesDir, file), path.join(dir, 'Dockerfile'), { recursive: true });
      const mode = index % 2 === 0 ? 'rewrite' : 'patches';
      const result = await retrofitDir(dir, answers, { mode, generated: { dockerfile: skeletonFor(text) }, adjustAnswers: false });
      const written = readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
      if (written === text) continue;
      if (result.backups[0] !== 'Dockerfile.harden-init.bak') problems.push(`${file}: no backup`);
      else if (!readFileSync(path.join(dir, 'Dockerfile.harden-init.bak')).equals(bytes)) problems.push(`${file}: backup differs`);
      if (mode === 'patches' && count(written) > count(text)) problems.push(`${file}: written file has more findings`);
      if (parses(text) && !parses(written)) problems.push(`${file}: written file does not parse`);
      writeFileSync(path.join(dir, 'Dockerfile'), '');
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
