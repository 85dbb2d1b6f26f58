import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { NO_CA_ENV } from '../helpers/ca.js';
import { TEST_DAY } from '../helpers/cli.js';

/** Runs the CLI in-process (no bundle needed) with captured output; the machine's CA variables are unset unless `env` sets them. */
export async function runMain(argv: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exitCode = await main(argv, { cwd: options.cwd ?? process.cwd(), env: { ...process.env, NO_COLOR: '1', ...TEST_DAY, ...NO_CA_ENV, ...options.env }, stdin: new PassThrough(), stdout, stderr });
  return { exitCode, stdout: out, stderr: err };
}
