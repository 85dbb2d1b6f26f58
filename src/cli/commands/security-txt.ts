import type { Command } from 'commander';
import { examples, type CommandDef } from '../command.js';

export const securityTxtCommand: CommandDef = {
  name: 'security-txt',
  summary: 'write an RFC 9116 security.txt, or check one with --check',
  configure(cmd: Command) {
    cmd
      .argument('[dir]', 'the app to write .well-known/security.txt into', '.')
      .option('--check <file>', 'validate this security.txt and list problems with line numbers')
      .option('--contact <mailto:|https:>', 'security contact')
      .option('--policy <url>', 'URL of your vulnerability disclosure policy')
      .option('--expires <ISO 8601>', 'expiry (at most one year ahead; default one year minus a day)');
    examples(cmd, ['harden-init security-txt --contact mailto:security@example.com', 'harden-init security-txt --check .well-known/security.txt']);
  },
  async run(args, options, ctx) {
    const { checkSecurityTxtFile, writeSecurityTxt } = await import('../../securitytxt/run.js');
    if (typeof options.check === 'string') return checkSecurityTxtFile(options.check, ctx);
    return writeSecurityTxt(args[0] ?? '.', options, ctx);
  },
};
