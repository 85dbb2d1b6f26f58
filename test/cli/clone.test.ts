import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, expect, it } from 'vitest';
import { fixturesDir, repoRoot } from '../helpers/paths.js';
import { describeWith } from '../helpers/requirements.js';

const APP_PLACEHOLDER = 'path/to/app';

/** The commands of the README's "From a clone" block, comments stripped. */
async function readmeCloneCommands(): Promise<string[]> {
  const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.split('### From a clone of this repository')[1];
  const block = section?.match(/```sh\n([\s\S]*?)```/)?.[1];
  if (!block) throw new Error('README.md has no sh block under "### From a clone of this repository"');
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '');
}

function gitCheckoutMissing(): string | null {
  try {
    execFileSync('git', ['-C', repoRoot, 'rev-parse', 'HEAD'], { stdio: 'ignore' });
    return null;
  } catch {
    return `no git checkout at ${repoRoot}`;
  }
}

// A fresh clone of HEAD (what is committed), set up with exactly the README's commands.
describeWith(gitCheckoutMissing(), 'a fresh clone, set up as the README says', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('npm ci builds the CLI, and the README run command runs the wizard on an app', async () => {
    const commands = await readmeCloneCommands();
    expect(commands[0]).toBe('npm ci');
    expect(commands.some((command) => command.startsWith('npx harden-init ') && command.includes(APP_PLACEHOLDER))).toBe(true);

    const work = await mkdtemp(path.join(os.tmpdir(), 'harden-init-clone-'));
    dirs.push(work);
    const clone = path.join(work, 'harden-init');
    const app = path.join(work, 'app');
    await execa('git', ['clone', '--quiet', repoRoot, clone]);
    await cp(path.join(fixturesDir, 'apps/node-express'), app, { recursive: true, filter: (src) => !src.includes(`${path.sep}expected`) });
    const env = { npm_config_update_notifier: 'false', NO_COLOR: '1' };

    // Before set-up there is no bundle: one line naming the fix, no stack trace.
    const unbuilt = await execa('node', ['bin/harden-init.js', '--version'], { cwd: clone, reject: false, env });
    expect(unbuilt.exitCode).toBe(3);
    expect(unbuilt.stderr).toBe(`harden-init: the CLI is not built (no dist/cli.js in ${clone}): run \`npm install\` or \`npm run build\` there`);

    for (const command of commands) {
      const line = command.replaceAll(APP_PLACEHOLDER, app);
      if (line.startsWith('npx harden-init ')) {
        // As written, with no terminal: it asks for --yes rather than failing obscurely.
        const asWritten = await execa(line, { cwd: clone, shell: true, reject: false, env, stdin: 'ignore' });
        expect(asWritten.stderr).toContain('no terminal to ask questions in: run with --yes');
        expect(asWritten.exitCode).toBe(2);
        const yes = await execa(`${line} --yes --no-pin`, { cwd: clone, shell: true, reject: false, env });
        expect(yes.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
        expect(yes.exitCode).toBe(0);
      } else {
        const run = await execa(line, { cwd: clone, shell: true, reject: false, env });
        expect(run.exitCode, `${line}\n${run.stderr.slice(-2000)}`).toBe(0);
      }
    }

    const dockerfile = await readFile(path.join(app, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^USER 10001:10001$/m);
    // --no-pin keeps tags only, which the linter notes (HI103); nothing else may be found.
    const lint = await execa('npx', ['harden-init', 'lint', '--format', 'json', path.join(app, 'Dockerfile')], { cwd: clone, reject: false, env });
    const codes = (JSON.parse(lint.stdout) as Array<{ code: string }>).map((finding) => finding.code);
    expect(new Set(codes)).toEqual(new Set(['HI103']));
  }, 600_000);
});
