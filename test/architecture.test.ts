import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';

/** Pure core folders: they decide, they do not touch the world. */
const CORE = ['src/detect', 'src/questions', 'src/generate', 'src/lint', 'src/write', 'src/retrofit', 'src/securitytxt', 'src/sarif', 'src/eol'];
/** Files inside core folders that are the adapters of that folder. */
const ADAPTERS = new Set([
  'src/detect/snapshot.ts',
  'src/detect/index.ts',
  'src/generate/prepare.ts',
  'src/generate/pin.ts',
  'src/lint/config.ts',
  'src/lint/parallel.ts',
  'src/lint/targets.ts',
  'src/lint/worker.ts',
  'src/lint/run.ts',
  'src/write/apply.ts',
  'src/write/run.ts',
  'src/retrofit/run.ts',
  'src/securitytxt/run.ts',
]);
const WORLD = /from ['"](node:fs|node:fs\/promises|fs|node:child_process|child_process|execa|dockerode|ink|react|@inkjs\/ui|@inquirer\/prompts|node:net|node:http|node:https)['"]/;
const HEAVY_STATIC = /^import\s+(?!type\b)[^;]*from ['"](ink|react|@inkjs\/ui|@inquirer\/prompts|dockerode|execa|dockerfile-ast|eta|zod|yaml|diff|smol-toml|fast-xml-parser)['"]/m;

function walk(dir: string): string[] {
  const absolute = path.join(repoRoot, dir);
  let entries: string[] = [];
  try {
    entries = readdirSync(absolute);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const relative = path.join(dir, name);
    if (statSync(path.join(repoRoot, relative)).isDirectory()) return walk(relative);
    return /\.(ts|tsx)$/.test(name) ? [relative] : [];
  });
}

describe('architecture', () => {
  it('core folders import no file system, process, Docker or terminal modules (adapters excepted)', () => {
    const offenders = CORE.flatMap(walk)
      .filter((file) => !ADAPTERS.has(file) && !file.endsWith('/run.ts'))
      .filter((file) => WORLD.test(readFileSync(path.join(repoRoot, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the CLI layer loads heavy modules lazily, so start-up stays fast', () => {
    const offenders = walk('src/cli').filter((file) => HEAVY_STATIC.test(readFileSync(path.join(repoRoot, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
