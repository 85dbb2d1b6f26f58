import { ExternalError } from '../cli/errors.js';

export interface ScannerRun {
  binary: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Exit codes that still mean "report written" (Snyk exits 1 when it finds something). */
  okExitCodes?: number[];
}

/** The `error` a scanner put in its JSON output instead of a report (Snyk: `{"ok": false, "error": ...}`). */
export function reportedError(stdout: string): string {
  try {
    const doc = JSON.parse(stdout) as { error?: unknown };
    return typeof doc.error === 'string' ? doc.error.split('\n')[0] : '';
  } catch {
    return '';
  }
}

/** Runs a scanner and returns its stdout (the report). Failures name the command and its stderr tail. */
export async function runScannerProcess(run: ScannerRun): Promise<string> {
  const { execa } = await import('execa');
  const result = await execa(run.binary, run.args, { env: run.env, extendEnv: false, reject: false, maxBuffer: 512 * 1024 * 1024, stdin: 'ignore' });
  const ok = new Set([0, ...(run.okExitCodes ?? [])]);
  if (result.failed && (result.exitCode === undefined || !ok.has(result.exitCode) || String(result.stdout).trim() === '')) {
    const tail = String(result.stderr ?? '').trim().split('\n').slice(-3).join(' | ') || reportedError(String(result.stdout)) || String(result.shortMessage ?? '');
    throw new ExternalError(
      `\`${[run.binary, ...run.args].join(' ')}\` failed with exit code ${result.exitCode ?? 'unknown'}`,
      tail || undefined,
      'run the same command yourself to see the whole output, or pass a saved report with --from-report',
    );
  }
  return String(result.stdout);
}
