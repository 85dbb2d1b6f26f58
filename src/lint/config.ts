// Adapter: finds and reads lint config files (.hadolint.yaml/.yml, .harden-init.json, --config).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultLintConfig, LintConfigError, type LintConfig } from './config-schema.js';
import { parseLintConfigText } from './config-text.js';

/** A config file that cannot be read or has a bad value; `file` is the path, `key` the offending key. */
export class LintConfigFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly key?: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** Read at once: a config file is small, and a one-file lint is mostly start-up. */
function readOptional(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new LintConfigFileError(file, `cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function parseFile(file: string, text: string, base: LintConfig): LintConfig {
  const kind = file.endsWith('.json') ? 'json' : 'yaml';
  try {
    if (kind === 'json' && !path.basename(file).startsWith('.harden-init')) {
      // Any other JSON file is a plain config object (hadolint keys at the top).
      const raw = JSON.parse(text) as Record<string, unknown>;
      return parseLintConfigText(JSON.stringify({ lint: raw.lint ?? raw }), 'json', base);
    }
    return parseLintConfigText(text, kind, base);
  } catch (error) {
    if (error instanceof LintConfigError) throw new LintConfigFileError(file, error.message, error.key);
    throw new LintConfigFileError(file, `not valid ${kind.toUpperCase()}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/**
 * Loads the lint config for `dir`: `.hadolint.yaml` (or `.yml`), then the `lint` key of
 * `.harden-init.json` on top. With `explicitPath` (`--config`), only that file, which must exist.
 */
export async function loadLintConfig(dir: string, explicitPath?: string): Promise<LintConfig> {
  if (explicitPath) {
    const file = path.resolve(dir, explicitPath);
    const text = readOptional(file);
    if (text === null) throw new LintConfigFileError(file, 'no such file');
    return parseFile(file, text, defaultLintConfig());
  }
  let config = defaultLintConfig();
  for (const name of ['.hadolint.yaml', '.hadolint.yml']) {
    const file = path.join(dir, name);
    const text = readOptional(file);
    if (text !== null) {
      config = parseFile(file, text, config);
      break;
    }
  }
  const ours = path.join(dir, '.harden-init.json');
  const text = readOptional(ours);
  if (text !== null) config = parseFile(ours, text, config);
  return config;
}
