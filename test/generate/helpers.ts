import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BASE_IMAGES } from '../../src/generate/base.js';
import { loadTemplates, packageRoot, readAppContext } from '../../src/generate/prepare.js';
import type { GenerateContext } from '../../src/generate/types.js';
import { parseAnswers, type Answers } from '../../src/questions/answers.js';
import { fixturesDir } from '../helpers/paths.js';

export const appsDir = path.join(fixturesDir, 'apps');

/** A fixed digest per base image (sha256 of its reference), so goldens do not depend on a registry. */
export const FIXED_PINS: Record<string, string> = Object.fromEntries(
  BASE_IMAGES.map((entry) => [entry.ref, `sha256:${createHash('sha256').update(entry.ref).digest('hex')}`]),
);

export function fixtureNames(): string[] {
  return readdirSync(appsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function fixtureAnswers(name: string): Answers {
  const parsed = parseAnswers(JSON.parse(readFileSync(path.join(appsDir, name, 'answers.json'), 'utf8')));
  if (!parsed.ok) throw new Error(`${name}/answers.json: ${parsed.field}: ${parsed.message}`);
  return parsed.answers;
}

let templates: GenerateContext['templates'] | undefined;

/** The context prepareGeneration would build, minus the fixture's own answers.json and expected/. */
export async function fixtureContext(name: string, pins: Record<string, string> = FIXED_PINS): Promise<GenerateContext> {
  templates ??= await loadTemplates(path.join(packageRoot(), 'templates'));
  const answers = fixtureAnswers(name);
  const app = await readAppContext(path.join(appsDir, name), ['expected', 'answers.json'], answers.app);
  return { templates, pins, ...app };
}
