import type { Command } from 'commander';
import { examples, type CommandDef } from '../command.js';
import { clock } from '../context.js';
import { InputError, UsageError } from '../errors.js';

export const detectCommand: CommandDef = {
  name: 'detect',
  summary: "detect the app's language, package manager, framework, commands and port",
  configure(cmd: Command) {
    cmd
      .argument('[dir]', 'the repository to look at', '.')
      .option('--json', 'print the result as JSON')
      .option('--app <path>', 'in a monorepo, describe this app (a path listed under apps)');
    examples(cmd, ['harden-init detect', 'harden-init detect ./services/api --json', 'harden-init detect . --app apps/web']);
  },
  async run(args, options, ctx) {
    const path = await import('node:path');
    const { statSync } = await import('node:fs');
    const dir = args[0] ?? '.';
    const absolute = path.resolve(ctx.cwd, dir);
    let isDir = false;
    try {
      isDir = statSync(absolute).isDirectory();
    } catch {
      throw new InputError('no such directory', dir, 'pass the folder of the app to detect');
    }
    if (!isDir) throw new InputError('not a directory', dir, 'pass the folder of the app, not a file');

    const { detect, UnknownAppError } = await import('../../detect/index.js');
    const app = typeof options.app === 'string' ? options.app : undefined;
    let detection;
    try {
      detection = await detect(absolute, { app, today: clock(ctx.env) });
    } catch (error) {
      if (error instanceof UnknownAppError) {
        const known = error.apps.length ? `use one of: ${error.apps.join(', ')}` : 'pass a directory of the repository';
        throw new UsageError(`no app at ${error.app}`, '--app', known);
      }
      throw error;
    }
    if (options.json) {
      ctx.stdout.write(`${JSON.stringify(detection, null, 2)}\n`);
      return 0;
    }
    const { formatDetection } = await import('../../detect/format.js');
    const style = (code: string) => (text: string) => (ctx.color ? `\u001b[${code}m${text}\u001b[0m` : text);
    ctx.stdout.write(formatDetection(detection, { bold: style('1'), dim: style('2'), warn: style('33') }));
    return 0;
  },
};
