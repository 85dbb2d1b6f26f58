import type { LintLevel } from './types.js';

export type Threshold = LintLevel | 'none';
export type LabelType = 'text' | 'url' | 'rfc3339' | 'spdx' | 'hash' | 'semver' | 'email';

/** Lint configuration: hadolint's keys plus ours. Every field has a default (see `defaultLintConfig`). */
export interface LintConfig {
  /** Rule codes or aliases never reported. Default: none. */
  ignored: string[];
  /** Level overrides by code or alias; an 'off' rule named here is switched on. */
  override: Partial<Record<LintLevel, string[]>>;
  /** Registries FROM may use; empty: any. */
  trustedRegistries: string[];
  /** Exit 1 on findings at or above this level. Default: info (hadolint's default). */
  failureThreshold: Threshold;
  /** Labels every image must carry, with the format of their value. Default: none. */
  labelSchema: Record<string, LabelType>;
  /** Flag labels that are not in `labelSchema`. Default: false. */
  strictLabels: boolean;
  /** Ignore `# hadolint ignore=` / `# harden-init ignore=` comments. Default: false. */
  disableIgnorePragma: boolean;
  /** Report no finding below this level. Default: style (report all). */
  minimumLevel: LintLevel;
}

export function defaultLintConfig(): LintConfig {
  return { ignored: [], override: {}, trustedRegistries: [], failureThreshold: 'info', labelSchema: {}, strictLabels: false, disableIgnorePragma: false, minimumLevel: 'style' };
}

const LEVELS: LintLevel[] = ['error', 'warning', 'info', 'style'];
const THRESHOLDS: Threshold[] = [...LEVELS, 'none'];
const LABEL_TYPES: LabelType[] = ['text', 'url', 'rfc3339', 'spdx', 'hash', 'semver', 'email'];

/** Raised for a config value of the wrong shape; `key` names the offending key. */
export class LintConfigError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

function stringList(value: unknown, key: string): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new LintConfigError(key, `${key} must be a list of strings`);
}

/**
 * Merges a parsed config object (hadolint keys: `ignored`, `override`, `trustedRegistries`,
 * `failure-threshold`, `label-schema`, `strict-labels`, `disable-ignore-pragma`, `no-fail`; our own
 * in camelCase) onto `base`.
 */
export function mergeLintConfig(base: LintConfig, raw: unknown): LintConfig {
  if (raw === null || raw === undefined) return base;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new LintConfigError('(top level)', 'the config must be a mapping of keys to values');
  const source = raw as Record<string, unknown>;
  const pick = (...keys: string[]): unknown => keys.map((k) => source[k]).find((v) => v !== undefined);
  const config: LintConfig = { ...base, override: { ...base.override }, labelSchema: { ...base.labelSchema } };
  const ignored = pick('ignored', 'ignore');
  if (ignored !== undefined) config.ignored = [...config.ignored, ...stringList(ignored, 'ignored')];
  const override = pick('override');
  if (override !== undefined && override !== null) {
    if (typeof override !== 'object' || Array.isArray(override)) throw new LintConfigError('override', 'override must map a level to a list of rule codes');
    for (const [level, codes] of Object.entries(override as Record<string, unknown>)) {
      if (!LEVELS.includes(level as LintLevel)) throw new LintConfigError(`override.${level}`, `override levels are ${LEVELS.join(', ')}`);
      config.override[level as LintLevel] = [...(config.override[level as LintLevel] ?? []), ...stringList(codes, `override.${level}`)];
    }
  }
  const trusted = pick('trustedRegistries', 'trusted-registries', 'trusted_registries');
  if (trusted !== undefined) config.trustedRegistries = stringList(trusted, 'trustedRegistries');
  const threshold = pick('failure-threshold', 'failureThreshold', 'failure_threshold');
  if (threshold !== undefined) {
    if (!THRESHOLDS.includes(threshold as Threshold)) throw new LintConfigError('failure-threshold', `failure-threshold must be one of ${THRESHOLDS.join(', ')}`);
    config.failureThreshold = threshold as Threshold;
  }
  if (pick('no-fail', 'noFail') === true) config.failureThreshold = 'none';
  const schema = pick('label-schema', 'labelSchema', 'label_schema');
  if (schema !== undefined && schema !== null) {
    if (typeof schema !== 'object' || Array.isArray(schema)) throw new LintConfigError('label-schema', 'label-schema must map label names to a type');
    for (const [label, type] of Object.entries(schema as Record<string, unknown>)) {
      if (!LABEL_TYPES.includes(type as LabelType)) throw new LintConfigError(`label-schema.${label}`, `label types are ${LABEL_TYPES.join(', ')}`);
      config.labelSchema[label] = type as LabelType;
    }
  }
  const strict = pick('strict-labels', 'strictLabels', 'strict_labels');
  if (strict !== undefined) config.strictLabels = strict === true;
  const noPragma = pick('disable-ignore-pragma', 'disableIgnorePragma');
  if (noPragma !== undefined) config.disableIgnorePragma = noPragma === true;
  const minimum = pick('minimumLevel', 'minimum-level');
  if (minimum !== undefined) {
    if (!LEVELS.includes(minimum as LintLevel)) throw new LintConfigError('minimumLevel', `minimumLevel must be one of ${LEVELS.join(', ')}`);
    config.minimumLevel = minimum as LintLevel;
  }
  return config;
}

