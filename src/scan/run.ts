import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CommandContext } from '../cli/context.js';
import { EnvironmentError, InputError, UsageError } from '../cli/errors.js';
import type { ScannerAdapter } from './adapter.js';
import { baseLayerIds, excludeBase, refineSources } from './base-layers.js';
import { externalBase, finalStage, readStages } from './dockerfile-stages.js';
import { inspectImage, type ImageFacts } from './docker-image.js';
import { runScannerProcess } from './exec.js';
import { ansiPaint, plainPaint, renderJson, renderTty } from './format.js';
import { renderSarif } from './format-sarif.js';
import { locateFindings, type FindingLocation } from './locate.js';
import type { ParsedReport, ScanRecord } from './record.js';
import { parseJsonOutput, parseReportText } from './report.js';
import { locateScanner, SCANNERS, scannerByName } from './scanners.js';
import { atOrAbove } from './severity.js';
import type { Severity } from './types.js';

/** The flags of `harden-init scan` (SPEC), parsed. */
export interface ScanOptions {
  /** Default `auto`: the first of trivy, grype, scout, snyk on PATH, else the built-in audit. */
  scanner: 'auto' | 'builtin' | 'trivy' | 'grype' | 'scout' | 'snyk';
  severity?: Exclude<Severity, 'unknown'>;
  excludeBase?: boolean;
  dependencyTree?: boolean;
  file?: string;
  /** Default `tty`. */
  format: 'tty' | 'json' | 'sarif';
  fromReport?: string;
}

export interface ScanOutcome {
  records: ScanRecord[];
  locations?: Map<ScanRecord, FindingLocation>;
  notes: string[];
  scanner: string;
  target: string;
}

/** Runs the scanner the options ask for (or reads the saved report) and returns the parsed report. */
export async function obtainReport(image: string | undefined, options: ScanOptions, ctx: CommandContext, notes: string[]): Promise<ParsedReport> {
  if (options.fromReport) {
    const file = path.resolve(ctx.cwd, options.fromReport);
    let content: string;
    try {
      content = await readFile(file, 'utf8');
    } catch (error) {
      throw new InputError(`cannot read the report: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, options.fromReport, 'check the path given to --from-report');
    }
    return parseReportText(content, options.fromReport);
  }
  if (!image) throw new UsageError('no image to scan', 'scan', 'name an image (harden-init scan my-app:1.0) or pass --from-report <file>');
  if (options.scanner === 'builtin') return runBuiltin(image, ctx);
  let adapter: ScannerAdapter | undefined;
  let binary: string | null = null;
  if (options.scanner === 'auto') {
    for (const candidate of SCANNERS) {
      binary = await locateScanner(candidate, ctx.env);
      if (binary) {
        adapter = candidate;
        break;
      }
    }
    if (!adapter) {
      notes.push('no vulnerability scanner on PATH (trivy, grype, docker scout, snyk): ran the built-in audit only; install Trivy or Grype for CVE findings');
      return runBuiltin(image, ctx);
    }
  } else {
    adapter = scannerByName(options.scanner);
    if (!adapter) throw new UsageError(`unknown scanner "${options.scanner}"`, '--scanner', 'use auto, builtin, trivy, grype, scout or snyk');
    binary = await locateScanner(adapter, ctx.env);
    if (!binary) throw new EnvironmentError(`${adapter.title} is not installed (no \`${adapter.plugin ?? adapter.binary}\` found on PATH)`, `--scanner ${adapter.name}`, `${adapter.install}, or use --scanner auto`);
  }
  const stdout = await runScannerProcess({
    binary: binary as string,
    args: adapter.args(image, { dependencyTree: Boolean(options.dependencyTree), file: options.file }),
    env: ctx.env,
    okExitCodes: adapter.okExitCodes,
  });
  notes.push(`scanned with ${adapter.title}`);
  try {
    return adapter.parse(parseJsonOutput(stdout));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${adapter.title} printed something that is not its JSON report: ${(error as Error).message}`, `${adapter.binary} ${adapter.args(image, { dependencyTree: false }).join(' ')}`, 'upgrade the scanner, or save its report and pass it with --from-report');
  }
}

async function runBuiltin(image: string, ctx: CommandContext): Promise<ParsedReport> {
  const { builtinReport } = await import('./builtin.js');
  return builtinReport(image, ctx);
}

async function readDockerfile(file: string, ctx: CommandContext): Promise<string> {
  try {
    return await readFile(path.resolve(ctx.cwd, file), 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the Dockerfile: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, file, 'check the path given to --file');
  }
}

/** Everything but the rendering: obtain, refine sources by layer, exclude base, filter, locate. */
export async function scan(image: string | undefined, options: ScanOptions, ctx: CommandContext): Promise<ScanOutcome> {
  const notes: string[] = [];
  const report = await obtainReport(image, options, ctx, notes);
  let records = report.records;
  const dockerfileText = options.file ? await readDockerfile(options.file, ctx) : null;
  const imageRef = image ?? report.image ?? undefined;
  let imageFacts: ImageFacts | null = null;

  if (options.excludeBase || options.file) {
    const engineWanted = Boolean(imageRef) && (options.excludeBase || !report.history?.length || report.layers.length === 0);
    if (engineWanted && imageRef) {
      try {
        imageFacts = await inspectImage(imageRef, ctx.env);
      } catch (error) {
        if (!(error instanceof EnvironmentError) || !options.fromReport) throw error;
        notes.push('no Docker engine: the image and its base could not be inspected');
      }
    }
  }

  if (options.excludeBase || dockerfileText !== null) {
    try {
      records = refineSources(records, await baseIds(report, imageFacts, dockerfileText, options, ctx, notes));
    } catch (error) {
      // Without --exclude-base the base is only a refinement of --file's mapping: never a reason to fail.
      if (options.excludeBase) throw error;
    }
  }
  if (options.excludeBase) {
    const before = records.length;
    records = excludeBase(records);
    notes.push(`--exclude-base: ${before - records.length} finding(s) from the base image left out`);
  }

  records = records.filter((r) => atOrAbove(r.finding.severity, options.severity));

  let locations: Map<ScanRecord, FindingLocation> | undefined;
  if (options.file && dockerfileText !== null) {
    const diffIds = imageFacts?.diffIds ?? report.layers.map((l) => l.diffId).filter((d): d is string => d !== null);
    const history = imageFacts?.history ?? report.history ?? [];
    locations = locateFindings(records, { file: options.file, text: dockerfileText }, { diffIds, history, reportLayers: report.layers });
  }
  return { records, locations, notes, scanner: report.scanner, target: imageRef ?? options.fromReport ?? 'image' };
}

/** The layer ids the scanned image shares with its base (from --file's last FROM, or the image's base label). */
async function baseIds(report: ParsedReport, imageFacts: ImageFacts | null, dockerfileText: string | null, options: ScanOptions, ctx: CommandContext, notes: string[]): Promise<Set<string>> {
  const stages = dockerfileText ? readStages(dockerfileText) : [];
  const stage = finalStage(stages);
  const baseRef = stage ? externalBase(stages, stage) : imageFacts?.labels['org.opencontainers.image.base.name'];
  if (!baseRef) {
    if (!options.fromReport) throw new UsageError('--exclude-base needs to know the base image', '--exclude-base', 'add --file Dockerfile (its last FROM is the base)');
    notes.push('base image unknown (no --file): OS packages counted as base');
    return new Set();
  }
  if (baseRef === 'scratch') {
    notes.push('the image is built FROM scratch: nothing comes from a base');
    return new Set();
  }
  let base: ImageFacts | null = null;
  try {
    base = await inspectImage(baseRef, ctx.env, true);
  } catch (error) {
    if (!(error instanceof EnvironmentError) || !options.fromReport) throw error;
  }
  const imageDiffIds = imageFacts?.diffIds ?? report.layers.map((l) => l.diffId).filter((d): d is string => d !== null);
  const ids = base ? baseLayerIds({ image: imageDiffIds, base: base.diffIds, report: report.layers }) : new Set<string>();
  if (!base) notes.push(`cannot inspect ${baseRef}: OS packages counted as base`);
  else if (ids.size === 0) notes.push(`the image's layers do not start with ${baseRef}'s: was it built from another base? OS packages counted as base`);
  else notes.push(`base image ${baseRef}: ${base.diffIds.length} shared layer(s)`);
  return ids;
}

/** `harden-init scan`: prints the findings; exit 1 when any is at or above `--severity` (any, without it). */
export async function runScanCommand(image: string | undefined, options: ScanOptions, ctx: CommandContext): Promise<number> {
  const outcome = await scan(image, options, ctx);
  const view = { records: outcome.records, locations: outcome.locations, dependencyTree: options.dependencyTree, target: outcome.target, notes: outcome.notes };
  if (options.format === 'json') ctx.stdout.write(renderJson(view));
  else if (options.format === 'sarif') ctx.stdout.write(renderSarif(view));
  else ctx.stdout.write(renderTty(view, ctx.color ? ansiPaint() : plainPaint));
  if (options.format !== 'tty') for (const note of outcome.notes) ctx.stderr.write(`harden-init: note: ${note}\n`);
  return outcome.records.length > 0 ? 1 : 0;
}
