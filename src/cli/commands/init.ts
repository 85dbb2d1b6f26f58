import { Option, type Command } from 'commander';
import { collect, examples, type CommandDef } from '../command.js';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { closest } from '../suggest.js';
import type { CommandContext } from '../context.js';
import { QUESTIONS } from '../../questions/model.js';

/** The default command: the wizard, `--plain` prompts, or `--yes` / `--answers` without prompts. */
export const initCommand: CommandDef = {
  name: 'init',
  summary: 'interview you about your app and write a hardened Dockerfile, .dockerignore and security.txt',
  configure(cmd: Command) {
    cmd
      .argument('[dir]', 'the app to harden', '.')
      .option('-y, --yes', 'no prompts: take detected answers and defaults, write the files (existing files are backed up)')
      .option('--answers <file>', 'load answers from a JSON or YAML file (the wizard saves them to .harden-init.json)')
      .option('--plain', 'line-by-line prompts instead of the full-screen UI (screen readers, dumb terminals)')
      .option('--dry-run', 'print the files and diffs that would be written; write nothing')
      .option('--force', 'overwrite existing files without asking (a backup is still kept)')
      .option('--registry <host[/path]>', 'pull base images through this registry or mirror, e.g. 127.0.0.1:5000')
      .option('--no-pin', 'keep version tags, do not resolve digests')
      .option('--template-dir <dir>', 'render your own templates instead of the built-in ones');
    // Every question of the wizard is also a flag (the answer overrides of the SPEC).
    for (const question of QUESTIONS) {
      const { long, arg, description, repeatable, choices } = question.flag;
      const option = new Option(`${long} ${arg}`, description);
      if (choices) option.choices(choices);
      if (repeatable) option.argParser(collect).default([]);
      cmd.addOption(option);
    }
    examples(cmd, [
      'npx harden-init                       # interview, then write the files',
      'npx harden-init --yes ./my-app        # detected answers and defaults, no questions',
      'npx harden-init --dry-run --no-pin    # show what would be written',
      'npx harden-init --answers .harden-init.json --registry 127.0.0.1:5000',
    ]);
  },
  async run(args, options, ctx) {
    const dir = args[0] ?? '.';
    await assertAppDir(dir, ctx.cwd);
    const shell = initShell(options, ctx);
    const label = dir === '.' ? 'this folder' : dir;
    // The wizard's first frame goes up at once; the rest of init loads behind its spinner.
    const wizard = shell === 'wizard' ? (await import('../../ui/run.js')).openWizard({ dirLabel: label, color: ctx.color, stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr }) : null;
    try {
      const { runInit } = await import('../../write/run.js');
      return await runInit(args, options, ctx, { shell, wizard, dirLabel: label });
    } finally {
      wizard?.close();
    }
  },
};

/** Which shell asks the questions: none (--yes, --answers), line-by-line prompts, or the wizard. */
export type InitShell = 'unattended' | 'plain' | 'wizard';

export function initShell(options: Record<string, unknown>, ctx: Pick<CommandContext, 'stdin' | 'stdout' | 'env'>): InitShell {
  if (options.yes || typeof options.answers === 'string') return 'unattended';
  if (!(ctx.stdin.isTTY && ctx.stdout.isTTY)) {
    throw new UsageError('no terminal to ask questions in', undefined, 'run with --yes (detected defaults) or --answers <file>');
  }
  return options.plain || ctx.env.TERM === 'dumb' ? 'plain' : 'wizard';
}

/** `harden-init lnt` lands here as a directory named "lnt": tell a typo from a missing folder. */
async function assertAppDir(dir: string, cwd: string): Promise<void> {
  const absolute = path.resolve(cwd, dir);
  if (existsSync(absolute) && statSync(absolute).isDirectory()) return;
  const { commands } = await import('./index.js');
  const command = closest(dir, commands.map((def) => def.name));
  if (command) throw new UsageError(`unknown command '${dir}'`, 'command line', `did you mean ${command}? See harden-init --help`);
  throw new InputError('no such directory', dir, 'pass the folder of the app to harden, or run harden-init inside it');
}
