import type { Readable, Writable } from 'node:stream';

/** What a command may touch of the process it runs in; tests pass their own. */
export interface CommandContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean };
  /** Colour allowed: not `--no-color`, no `NO_COLOR`, and a TTY (or `FORCE_COLOR`). */
  color: boolean;
  debug: boolean;
}

/** The clock: SOURCE_DATE_EPOCH (seconds) when set, for reproducible runs (and tests); else now. */
export function clock(env: NodeJS.ProcessEnv): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

export function colorAllowed(env: NodeJS.ProcessEnv, isTTY: boolean | undefined, flag: boolean): boolean {
  if (!flag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  if (env.TERM === 'dumb') return false;
  return Boolean(isTTY);
}
