import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const binPath = path.join(repoRoot, 'bin/harden-init.js');
export const fixturesDir = path.join(repoRoot, 'test/fixtures');
/** Shared corpora next to the checkout (absent for outside contributors). */
export const corpusDir = path.resolve(repoRoot, '../shared/corpus');
