import { reportError } from './errors.js';
import { parseArgv, type Io } from './program.js';

/** argv -> command -> exit code. Never throws; prints one line per error (stack with --debug). */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const parsed = parseArgv(argv, io);
    if (parsed.kind === 'exit') return parsed.exitCode;
    return await parsed.def.run(parsed.args, parsed.options, parsed.ctx);
  } catch (error) {
    const { line, exitCode } = reportError(error, debug);
    if (line) io.stderr.write(`${line}\n`);
    return exitCode;
  }
}

function processIo(): Io {
  return { cwd: process.cwd(), env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}
