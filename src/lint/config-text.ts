import { createRequire } from 'node:module';
import { defaultLintConfig, mergeLintConfig, type LintConfig } from './config-schema.js';

let yaml: typeof import('yaml') | undefined;

/**
 * The YAML parser (72 CommonJS files), loaded for a YAML config only: lint also runs in every
 * repository harden-init set up, whose config is the JSON of .harden-init.json.
 */
function parseYaml(text: string): unknown {
  yaml ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yaml.parse(text);
}

/**
 * Reads config text. YAML (`.hadolint.yaml`) is read as a whole, with our keys allowed at the top
 * or under `harden-init:`; JSON (`.harden-init.json`) contributes its `lint` key only.
 */
export function parseLintConfigText(text: string, kind: 'yaml' | 'json', base: LintConfig = defaultLintConfig()): LintConfig {
  const raw: unknown = kind === 'json' ? JSON.parse(text) : parseYaml(text);
  if (kind === 'json') {
    const lint = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).lint : undefined;
    return mergeLintConfig(base, lint);
  }
  const merged = mergeLintConfig(base, raw && typeof raw === 'object' ? Object.fromEntries(Object.entries(raw as object).filter(([k]) => k !== 'harden-init')) : raw);
  const ours = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)['harden-init'] : undefined;
  return mergeLintConfig(merged, ours);
}
