import type { CommandDef } from '../command.js';
import { lintUsage } from './lint-usage.js';

export const lintCommand: CommandDef = {
  ...lintUsage,
  async run(args, options, ctx) {
    const { runLintCommand } = await import('../../lint/bundle.js');
    return runLintCommand(args, options, ctx);
  },
};
