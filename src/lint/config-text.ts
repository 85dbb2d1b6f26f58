import { parse as parseYaml } from 'yaml';
import { defaultLintConfig, mergeLintConfig, type LintConfig } from './config-schema.js';

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
