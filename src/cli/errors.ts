/**
 * Typed errors. Each carries the exit code of the SPEC and renders as one line:
 * `harden-init: <what> (<where>): <how to fix>`.
 */
export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  environment: 3,
  /** The user quit (Ctrl+C), as a shell reports SIGINT. */
  cancelled: 130,
  /** An unexpected failure: a bug in harden-init, not in the user's input. */
  bug: 70,
} as const;

export abstract class CliError extends Error {
  abstract readonly exitCode: number;
  constructor(
    readonly what: string,
    readonly where?: string,
    readonly fix?: string,
  ) {
    super(what);
  }

  oneLine(): string {
    const where = this.where ? ` (${this.where})` : '';
    const fix = this.fix ? `: ${this.fix}` : '';
    return `harden-init: ${this.what}${where}${fix}`;
  }
}

/** A bad flag, argument or combination of them. Exit 2. */
export class UsageError extends CliError {
  readonly exitCode = EXIT.usage;
}

/** An unreadable or malformed input file. Exit 2. `where` is `file` or `file:line`. */
export class InputError extends CliError {
  readonly exitCode = EXIT.usage;
}

/** Something the command needs is missing: the Docker engine, a scanner. Exit 3. */
export class EnvironmentError extends CliError {
  readonly exitCode = EXIT.environment;
}

/** An outside command failed: names the command, its exit code and the tail of its stderr. */
export class ExternalError extends CliError {
  readonly exitCode: number;
  constructor(what: string, where: string | undefined, fix: string | undefined, exitCode: number = EXIT.environment) {
    super(what, where, fix);
    this.exitCode = exitCode;
  }
}

/** The user quit (Ctrl+C, "quit" in a prompt). Prints nothing. */
export class Cancelled extends Error {
  readonly exitCode = EXIT.cancelled;
  constructor() {
    super('cancelled');
  }
}

export interface ErrorReport {
  line: string | null;
  exitCode: number;
}

export const BUG_REPORT_URL = 'https://github.com/harden-init/harden-init/issues';

/** Maps any thrown value to the one line to print (null: print nothing) and the exit code. */
export function reportError(error: unknown, debug = false): ErrorReport {
  if (error instanceof Cancelled) return { line: null, exitCode: error.exitCode };
  if (error instanceof CliError) {
    return { line: debug && error.stack ? `${error.oneLine()}\n${error.stack}` : error.oneLine(), exitCode: error.exitCode };
  }
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0];
  const line = `harden-init: unexpected error: ${firstLine} (run with --debug for details): please report it at ${BUG_REPORT_URL}`;
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return { line: line + stack, exitCode: EXIT.bug };
}

/** Prints the error's line (if any) on `stderr` and returns its exit code: what every command runner does with a failure. */
export function printError(error: unknown, debug: boolean, stderr: { write(text: string): unknown }): number {
  const { line, exitCode } = reportError(error, debug);
  if (line) stderr.write(`${line}\n`);
  return exitCode;
}
