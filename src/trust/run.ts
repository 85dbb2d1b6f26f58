import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CommandContext } from '../cli/context.js';
import { EXIT, EnvironmentError, InputError } from '../cli/errors.js';
import { COSIGN_INSTALL_HINT } from '../sign/cosign-cli.js';
import { checkBaseImages, type BaseImageResult, type BaseStatus } from './check.js';
import { BUILT_IN_TRUST, parseTrustEntries, type TrustEntry } from './policy.js';

export interface VerifyDockerfileOptions {
  insecureRegistry?: boolean;
  /** Mirror to resolve through; default: `registry` of .harden-init.json. */
  registry?: string | null;
  key?: string;
}

interface ProjectConfig {
  registry: string | null;
  entries: TrustEntry[];
  dir: string;
}

/** `registry` and `trust` from .harden-init.json next to the Dockerfile (or in the working directory). */
async function loadConfig(dirs: string[]): Promise<ProjectConfig | null> {
  for (const dir of dirs) {
    const file = path.join(dir, '.harden-init.json');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    let raw: { registry?: unknown; trust?: unknown };
    try {
      raw = JSON.parse(text) as typeof raw;
    } catch (error) {
      throw new InputError(`.harden-init.json is not valid JSON (${(error as Error).message})`, file, 'fix the JSON or re-run the wizard to rewrite it');
    }
    const parsed = parseTrustEntries(raw.trust ?? []);
    if (!parsed.ok) throw new InputError(`${parsed.field}: ${parsed.message}`, file, 'fix that trust entry');
    return { registry: typeof raw.registry === 'string' ? raw.registry : null, entries: parsed.entries, dir };
  }
  return null;
}

const LABEL: Record<BaseStatus, string> = {
  verified: 'verified    ',
  pinned: 'pinned      ',
  failed: 'FAILED      ',
  unverifiable: 'unverified  ',
  untrusted: 'untrusted   ',
  skipped: 'skipped     ',
};

/** Exit code: 1 when a check failed or a base is untrusted or unverified; 3 when only a missing cosign stood in the way. */
export function exitCodeFor(results: BaseImageResult[]): number {
  if (results.some((r) => r.status === 'failed' || r.status === 'untrusted')) return EXIT.findings;
  if (results.some((r) => r.status === 'unverifiable' && !r.needsCosign)) return EXIT.findings;
  if (results.some((r) => r.needsCosign)) return EXIT.environment;
  return EXIT.ok;
}

/** `harden-init verify --dockerfile [Dockerfile]`. */
export async function runVerifyDockerfile(file: string, options: VerifyDockerfileOptions, ctx: CommandContext): Promise<number> {
  const dockerfile = path.resolve(ctx.cwd, file);
  let text: string;
  try {
    text = await readFile(dockerfile, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'Dockerfile not found' : `cannot read the Dockerfile (${code})`, file, 'pass the path: harden-init verify --dockerfile path/to/Dockerfile');
  }
  const config = await loadConfig([...new Set([path.dirname(dockerfile), ctx.cwd])]);
  const userEntries = config?.entries ?? [];
  if (options.key) userEntries.unshift({ pattern: '*', check: 'key', key: path.resolve(ctx.cwd, options.key), publisher: options.key });
  const results = await checkBaseImages(text, {
    entries: [...userEntries, ...BUILT_IN_TRUST],
    baseDir: config?.dir ?? ctx.cwd,
    env: ctx.env,
    registry: options.registry ?? config?.registry ?? null,
    insecureRegistry: options.insecureRegistry,
  });
  const rel = path.relative(ctx.cwd, dockerfile) || file;
  for (const r of results) {
    ctx.stdout.write(`${rel}:${r.line}  ${LABEL[r.status]}${r.image}\n`);
    ctx.stdout.write(`${' '.repeat(rel.length + String(r.line).length + 3)}${r.publisher ? `${r.publisher}: ` : ''}${r.detail}\n`);
  }
  const code = exitCodeFor(results);
  if (code === EXIT.environment) throw new EnvironmentError('keyless base-image signatures need cosign', rel, COSIGN_INSTALL_HINT);
  const counts = results.filter((r) => r.status !== 'skipped').length;
  ctx.stdout.write(code === EXIT.ok ? `all ${counts} base image${counts === 1 ? '' : 's'} trusted\n` : 'some base images are not trusted (see above)\n');
  return code;
}
