import type { ParsedReport } from './record.js';
import type { ScannerName } from './types.js';

/** An outside scanner: how to find it, run it and read its report. One file per scanner. */
export interface ScannerAdapter {
  name: Exclude<ScannerName, 'builtin'>;
  /** Shown in messages, e.g. "Docker Scout". */
  title: string;
  /** Executable looked up on PATH. */
  binary: string;
  /** Extra check that the binary is this scanner (Scout is a docker CLI plugin). */
  plugin?: string;
  /** One line: how to install it. */
  install: string;
  /** Arguments that make it print its JSON (or SARIF) report on stdout. */
  args(image: string, options: { dependencyTree: boolean; file?: string }): string[];
  okExitCodes?: number[];
  parse(report: unknown): ParsedReport;
}
