import { Option, type Command } from 'commander';
import { examples, type CommandDef } from '../command.js';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { closest } from '../suggest.js';
import { notBuilt } from './not-built.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The default command: the wizard, `--plain` prompts, or `--yes` / `--answers` without prompts. */
export const initCommand: CommandDef = {
  name: 'init',
  summary: 'interview you about your app and write a hardened Dockerfile, .dockerignore and security.txt',
  configure(cmd: Command) {
    cmd
      .argument('[dir]', 'the app to harden', '.')
      .option('-y, --yes', 'no prompts: take detected answers and defaults, write the files')
      .option('--answers <file>', 'load answers from a JSON or YAML file (the wizard saves them to .harden-init.json)')
      .option('--plain', 'line-by-line prompts instead of the full-screen UI (screen readers, dumb terminals)')
      .option('--dry-run', 'print the files and diffs that would be written; write nothing')
      .option('--force', 'overwrite existing files without asking (a backup is still kept)')
      .option('--registry <host[/path]>', 'pull base images through this registry or mirror, e.g. 127.0.0.1:5000')
      .option('--no-pin', 'keep version tags, do not resolve digests')
      .option('--app <path>', 'in a monorepo, the app to harden (see `harden-init detect`)')
      .option('--template-dir <dir>', 'render your own templates instead of the built-in ones')
      .option('--language <name>', 'node, python, go, java, kotlin, rust, ruby, php, dotnet, deno, elixir or static')
      .option('--package-manager <name>', 'npm, yarn, pnpm, bun, pip, poetry, uv, maven, gradle, cargo, ...')
      .option('--runtime-version <version>', 'runtime version, e.g. 22 or 3.12')
      .option('--framework <name>', 'express, next, django, spring-boot, ... or none')
      .option('--build-command <cmd>', 'command that builds the app, or none')
      .option('--start-command <cmd>', 'command that starts the app')
      .option('--port <number>', 'port the app listens on')
      .addOption(new Option('--base <kind>', 'final base image').choices(['distroless', 'alpine', 'slim', 'scratch']))
      .option('--uid <number>', 'numeric uid:gid the app runs as (default 10001)')
      .option('--app-dir <path>', 'directory of the app inside the image (default /app)')
      .option('--healthcheck <path|none>', 'HTTP path the health check requests, or none')
      .option('--contact <mailto:|https:>', 'security contact for security.txt and labels')
      .option('--policy <url>', 'URL of your vulnerability disclosure policy')
      .option('--expires <ISO 8601>', 'when security.txt expires (at most one year ahead)')
      .option('--security-url <url>', 'public https URL of your security.txt, for the securitytxt label')
      .option('--build-secret <id>', 'a BuildKit secret the build needs (repeatable), e.g. npmrc', collect, []);
    examples(cmd, [
      'npx harden-init                       # interview, then write the files',
      'npx harden-init --yes ./my-app        # detected answers and defaults, no questions',
      'npx harden-init --dry-run --no-pin    # show what would be written',
      'npx harden-init --answers .harden-init.json --registry 127.0.0.1:5000',
    ]);
  },
  async run(args, _options, ctx) {
    await assertAppDir(args[0] ?? '.', ctx.cwd);
    notBuilt('init');
  },
};

/** `harden-init lnt` lands here as a directory named "lnt": tell a typo from a missing folder. */
async function assertAppDir(dir: string, cwd: string): Promise<void> {
  const absolute = path.resolve(cwd, dir);
  if (existsSync(absolute) && statSync(absolute).isDirectory()) return;
  const { commands } = await import('./index.js');
  const command = closest(dir, commands.map((def) => def.name));
  if (command) throw new UsageError(`unknown command '${dir}'`, 'command line', `did you mean ${command}? See harden-init --help`);
  throw new InputError('no such directory', dir, 'pass the folder of the app to harden, or run harden-init inside it');
}
