import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface InProcessResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI's main() in this process with its own streams, cwd and env: the whole command path without a build. */
export async function runMain(argv: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<InProcessResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += String(chunk)));
  stderr.on('data', (chunk) => (err += String(chunk)));
  const exitCode = await main(argv, { cwd: options.cwd, env: { NO_COLOR: '1', PATH: '/usr/bin:/bin', ...options.env }, stdin, stdout, stderr });
  return { exitCode, stdout: out, stderr: err };
}
