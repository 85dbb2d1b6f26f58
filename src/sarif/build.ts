// SARIF 2.1.0 logs for lint, audit and scan: one builder, pure data in and out.

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export const SARIF_VERSION = '2.1.0';
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const PROJECT_URI = 'https://github.com/harden-init/harden-init';
/** The base id lint results are relative to: the checked-out repository. */
export const SRCROOT = '%SRCROOT%';

/** A rule (reportingDescriptor) as a tool describes it. GitHub shows its help next to each alert. */
export interface SarifRuleInput {
  id: string;
  /** PascalCase or kebab-case name shown by viewers. */
  name?: string;
  shortDescription: string;
  /** Default: the short description. */
  fullDescription?: string;
  /** Plain-text help: what to do and why. */
  help: string;
  helpMarkdown?: string;
  helpUri?: string;
  /** Default `warning`. */
  level?: SarifLevel;
  /** e.g. `security`, `CWE-250`. */
  tags?: string[];
  /** 0.0 to 10.0; GitHub ranks security alerts by it (as `properties["security-severity"]`). */
  securitySeverity?: number;
  properties?: Record<string, unknown>;
}

/** A logical location: something that is not a file line, such as an image or a package. */
export interface SarifLogicalLocation {
  name: string;
  kind?: string;
  fullyQualifiedName?: string;
}

export interface SarifResultInput {
  ruleId: string;
  level: SarifLevel;
  message: string;
  /** Path relative to `uriBaseId` (forward slashes; leading slashes are dropped). */
  file: string;
  /** Default: the log's `defaultUriBaseId`. */
  uriBaseId?: string;
  /** Default 1: GitHub code scanning wants a region on every result. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** What the location is, e.g. the stage and instruction a finding maps to. */
  locationMessage?: string;
  logicalLocations?: SarifLogicalLocation[];
  /**
   * What makes this result the same one from run to run, for results outside the repository
   * (a file in an image): code scanning cannot hash those lines itself, and without it merges
   * results of one rule at one path into one alert.
   */
  identity?: string;
  properties?: Record<string, unknown>;
}

export interface SarifOptions {
  version?: string;
  /** Default: the project's home page. */
  informationUri?: string;
  /** Default `%SRCROOT%`. */
  defaultUriBaseId?: string;
  /** Base ids other than `%SRCROOT%` the results use, with the absolute URI each stands for. */
  uriBases?: Record<string, { uri: string; description?: string }>;
}

/** Structural types of the SARIF subset the builder writes. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

export interface SarifRun {
  tool: { driver: SarifDriver };
  results: SarifResult[];
  originalUriBaseIds?: Record<string, { uri: string; description?: { text: string } }>;
  columnKind: 'unicodeCodePoints';
}

export interface SarifDriver {
  name: string;
  version?: string;
  semanticVersion?: string;
  informationUri: string;
  rules: SarifRule[];
}

export interface SarifRule {
  id: string;
  name?: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown?: string };
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties: Record<string, unknown>;
}

export interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

export interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: SarifRegion };
  message?: { text: string };
  logicalLocations?: SarifLogicalLocation[];
}

export interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: SarifLevel;
  message: { text: string };
  locations: SarifLocation[];
  partialFingerprints?: Record<string, string>;
  properties?: Record<string, unknown>;
}

const SEMVER = /^\d+\.\d+\.\d+(?:[-+].*)?$/;

function rule(input: SarifRuleInput): SarifRule {
  const properties: Record<string, unknown> = { ...input.properties };
  if (input.tags?.length) properties.tags = [...new Set(input.tags)];
  if (input.securitySeverity !== undefined) properties['security-severity'] = Math.min(10, Math.max(0, input.securitySeverity)).toFixed(1);
  return {
    id: input.id,
    ...(input.name ? { name: input.name } : {}),
    shortDescription: { text: oneLine(input.shortDescription) || input.id },
    fullDescription: { text: input.fullDescription?.trim() || oneLine(input.shortDescription) || input.id },
    help: { text: input.help.trim() || input.shortDescription, ...(input.helpMarkdown ? { markdown: input.helpMarkdown } : {}) },
    ...(input.helpUri ? { helpUri: input.helpUri } : {}),
    defaultConfiguration: { level: input.level ?? 'warning' },
    properties,
  };
}

function region(input: SarifResultInput): SarifRegion {
  const startLine = Math.max(1, Math.trunc(input.line ?? 1));
  const out: SarifRegion = { startLine };
  if (input.column && input.column >= 1) out.startColumn = Math.trunc(input.column);
  if (input.endLine && input.endLine >= startLine) out.endLine = Math.trunc(input.endLine);
  if (input.endColumn && input.endColumn >= 1) out.endColumn = Math.trunc(input.endColumn);
  return out;
}

/**
 * A relative URI reference: forward slashes, no leading slash, spaces and the like percent-encoded,
 * and `./` before a first segment with a colon, which would otherwise read as a scheme (`my-app:1`).
 */
export function relativeUri(file: string): string {
  const clean = file.replace(/\\/g, '/').replace(/^\/+/, '');
  if (clean === '') return '.';
  const encoded = encodeURI(clean).replace(/[?#]/g, encodeURIComponent);
  return encoded.split('/')[0].includes(':') ? `./${encoded}` : encoded;
}

/** FNV-1a, 64 bits, as 16 hex digits: a stable fingerprint, not a secret. */
export function fingerprint(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

function oneLine(text: string): string {
  return text.split('\n')[0].trim();
}

/**
 * A SARIF 2.1.0 log with one run. Rules keep the given order (a repeated id keeps its first entry);
 * each result points at its rule's index and carries one physical location with a region.
 */
export function buildSarif(toolName: string, rules: readonly SarifRuleInput[], results: readonly SarifResultInput[], options: SarifOptions = {}): SarifLog {
  const unique: SarifRuleInput[] = [];
  const index = new Map<string, number>();
  for (const r of rules) {
    if (index.has(r.id)) continue;
    index.set(r.id, unique.length);
    unique.push(r);
  }
  const base = options.defaultUriBaseId ?? SRCROOT;
  const bases = Object.entries(options.uriBases ?? {});
  const run: SarifRun = {
    tool: {
      driver: {
        name: toolName,
        ...(options.version ? { version: options.version, ...(SEMVER.test(options.version) ? { semanticVersion: options.version } : {}) } : {}),
        informationUri: options.informationUri ?? PROJECT_URI,
        rules: unique.map(rule),
      },
    },
    results: results.map((r) => {
      const location: SarifLocation = {
        physicalLocation: { artifactLocation: { uri: relativeUri(r.file), uriBaseId: r.uriBaseId ?? base }, region: region(r) },
        ...(r.locationMessage ? { message: { text: r.locationMessage } } : {}),
        ...(r.logicalLocations?.length ? { logicalLocations: r.logicalLocations } : {}),
      };
      return {
        ruleId: r.ruleId,
        ...(index.has(r.ruleId) ? { ruleIndex: index.get(r.ruleId) } : {}),
        level: r.level,
        message: { text: r.message.trim() || r.ruleId },
        locations: [location],
        ...(r.identity !== undefined ? { partialFingerprints: { primaryLocationLineHash: `${fingerprint(r.identity)}:1` } } : {}),
        ...(r.properties ? { properties: r.properties } : {}),
      };
    }),
    ...(bases.length
      ? { originalUriBaseIds: Object.fromEntries(bases.map(([id, b]) => [id, { uri: b.uri, ...(b.description ? { description: { text: b.description } } : {}) }])) }
      : {}),
    columnKind: 'unicodeCodePoints',
  };
  return { $schema: SARIF_SCHEMA, version: SARIF_VERSION, runs: [run] };
}

/** The log as `--format sarif` prints it: indented JSON and a final newline. */
export function sarifText(log: SarifLog): string {
  return `${JSON.stringify(log, null, 2)}\n`;
}
