import { printError } from './errors.js';
import type { Io } from './parse.js';

/** argv -> command -> exit code. Never throws; prints one line per error (stack with --debug). */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    // Lint, which editors and CI call most, parses its own command line inside its code-cached bundle.
    if (argv[0] === 'lint') {
      const code = await (await import('../lint/bundle.js')).runLintCli(argv, io);
      if (code !== null) return code;
    }
    const { parseArgv } = await import('./program.js');
    const parsed = parseArgv(argv, io);
    if (parsed.kind === 'exit') return parsed.exitCode;
    return await parsed.def.run(parsed.args, parsed.options, parsed.ctx);
  } catch (error) {
    return printError(error, debug, io.stderr);
  }
}

/** Exit status of a program whose output pipe was closed by its reader (128 + SIGPIPE), as Unix tools give. */
const PIPE_CLOSED = 141;

function processIo(): Io {
  // `harden-init lint ... | head`: once the reader stops, stop quietly instead of a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(PIPE_CLOSED);
    });
  }
  return { cwd: process.cwd(), env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}
