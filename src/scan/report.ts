import { InputError } from '../cli/errors.js';
import { isGrypeReport, parseGrypeReportDetailed } from './grype.js';
import { array, object, text, type ParsedReport } from './record.js';
import { isSarif, parseSarifReport, sarifScanner } from './sarif-report.js';
import { isSnykReport, parseSnykReportDetailed } from './snyk.js';
import { isTrivyReport, parseTrivyReportDetailed } from './trivy.js';

/** Which scanner and format a report is; null when it is no vulnerability report we read. */
export function detectReportFormat(json: unknown): { scanner: ParsedReport['scanner']; format: 'json' | 'sarif' } | null {
  if (isSarif(json)) {
    const scanner = sarifScanner(json);
    return scanner ? { scanner, format: 'sarif' } : null;
  }
  if (isTrivyReport(json)) return { scanner: 'trivy', format: 'json' };
  if (isGrypeReport(json)) return { scanner: 'grype', format: 'json' };
  if (isSnykReport(json)) return { scanner: 'snyk', format: 'json' };
  return null;
}

/** What a report that is not a vulnerability report is, so the error can point at the right command. */
function otherTool(json: unknown): { what: string; fix?: string } | null {
  if (isSarif(json)) {
    const name = text(object(object(object(array(object(json).runs)[0]).tool).driver).name);
    if (/dockle/i.test(name)) return { what: 'a Dockle image-lint report, not a vulnerability scan', fix: 'run `harden-init audit <image>` for those checks' };
    if (/hadolint/i.test(name)) return { what: 'a hadolint report, not a vulnerability scan', fix: 'run `harden-init lint` for those checks' };
    return { what: `a SARIF log from "${name || 'an unnamed tool'}", not from Trivy, Grype, Docker Scout or Snyk` };
  }
  if (Array.isArray(json) && json.length > 0 && json.every((f) => /^DL\d+|^SC\d+/.test(text(object(f).code)))) {
    return { what: 'a hadolint report, not a vulnerability scan', fix: 'run `harden-init lint` for those checks' };
  }
  return null;
}

/**
 * The JSON document a scanner printed. Text before its first line that opens an object or array,
 * or after the last line that closes one, is ignored: older `docker scout` versions print a
 * "What's Next?" hint on stdout after the SARIF log.
 */
export function parseJsonOutput(output: string): unknown {
  try {
    return JSON.parse(output);
  } catch (error) {
    const lines = output.split('\n');
    const first = lines.findIndex((line) => /^[{[]/.test(line));
    let last = -1;
    for (let i = lines.length - 1; i > first; i--) {
      if (/^[}\]]\s*$/.test(lines[i])) {
        last = i;
        break;
      }
    }
    if (first < 0 || last < 0 || (first === 0 && last === lines.length - 1)) throw error;
    return JSON.parse(lines.slice(first, last + 1).join('\n'));
  }
}

/** Parses a saved Trivy/Grype/Scout/Snyk report (JSON or SARIF), detecting which it is. */
export function parseReportText(content: string, file: string): ParsedReport {
  let json: unknown;
  try {
    json = parseJsonOutput(content);
  } catch (error) {
    throw new InputError(`not a JSON report: ${(error as Error).message}`, file, 'pass the JSON or SARIF output of trivy (-f json), grype (-o json), docker scout cves (--format sarif) or snyk (--json)');
  }
  const format = detectReportFormat(json);
  if (!format) {
    const other = otherTool(json);
    throw new InputError(
      other ? other.what : 'unrecognised report',
      file,
      other?.fix ?? 'pass the JSON or SARIF output of trivy (-f json), grype (-o json), docker scout cves (--format sarif) or snyk (--json)',
    );
  }
  if (format.format === 'sarif') return parseSarifReport(json, format.scanner);
  switch (format.scanner) {
    case 'trivy':
      return parseTrivyReportDetailed(json);
    case 'grype':
      return parseGrypeReportDetailed(json);
    default:
      return parseSnykReportDetailed(json);
  }
}
