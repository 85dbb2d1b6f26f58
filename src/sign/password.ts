import type { CommandContext } from '../cli/context.js';
import { Cancelled, UsageError } from '../cli/errors.js';

/**
 * The private key's password: COSIGN_PASSWORD when set (even empty, as cosign does), else a masked
 * prompt on the terminal. Never from argv.
 */
export async function readPassword(ctx: CommandContext, options: { confirm: boolean }): Promise<string> {
  const fromEnv = ctx.env.COSIGN_PASSWORD;
  if (fromEnv !== undefined) return fromEnv;
  if (!ctx.stdin.isTTY) {
    throw new UsageError('no password for the private key', 'COSIGN_PASSWORD', 'set COSIGN_PASSWORD, or run in a terminal to be asked');
  }
  const { password } = await import('@inquirer/prompts');
  const io = { input: ctx.stdin, output: ctx.stderr };
  try {
    const first = await password({ message: 'Password for the private key?', mask: '*' }, io);
    if (!options.confirm) return first;
    const second = await password({ message: 'Password again?', mask: '*' }, io);
    if (first !== second) throw new UsageError('the passwords do not match', 'password prompt', 'run the command again and type the same password twice');
    return first;
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') throw new Cancelled();
    throw error;
  }
}
