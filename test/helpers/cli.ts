import { execa, type Options } from 'execa';
import { NO_CA_ENV } from './ca.js';
import { binPath } from './paths.js';

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * The day CLI runs in tests judge end-of-life facts by (SOURCE_DATE_EPOCH), so no test depends on
 * the real date; a test may pass another.
 */
export const TEST_DAY = { SOURCE_DATE_EPOCH: String(Date.parse('2026-12-04T00:00:00Z') / 1000) };

/** Runs the built CLI (bin/harden-init.js -> dist/) as a user would, on a machine that names no CA bundle unless `env` does. */
export async function runCli(args: string[], options: Options = {}): Promise<CliResult> {
  const result = await execa('node', [binPath, ...args], { reject: false, stdin: 'ignore', ...options, env: { NO_COLOR: '1', ...TEST_DAY, ...NO_CA_ENV, ...options.env } });
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}
