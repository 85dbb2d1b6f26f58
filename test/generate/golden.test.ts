import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFiles } from '../../src/generate/index.js';
import { appsDir, fixtureAnswers, fixtureContext, fixtureNames } from './helpers.js';

const update = process.env.UPDATE_GOLDEN === '1';

function expectedFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? expectedFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

describe('golden files: every fixture app generates exactly its expected/ files', () => {
  for (const name of fixtureNames()) {
    it(name, async () => {
      const result = generateFiles(fixtureAnswers(name), await fixtureContext(name));
      const expectedDir = path.join(appsDir, name, 'expected');
      if (update) {
        rmSync(expectedDir, { recursive: true, force: true });
        for (const file of result.files) {
          mkdirSync(path.dirname(path.join(expectedDir, file.path)), { recursive: true });
          writeFileSync(path.join(expectedDir, file.path), file.content);
        }
      }
      expect(result.files.map((file) => file.path).sort()).toEqual(expectedFiles(expectedDir).sort());
      for (const file of result.files) {
        expect(file.content, `${name}/expected/${file.path} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(path.join(expectedDir, file.path), 'utf8'));
      }
    });
  }
});
