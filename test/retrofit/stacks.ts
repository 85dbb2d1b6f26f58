import { readFileSync } from 'node:fs';
import path from 'node:path';
import { prepareGeneration } from '../../src/generate/prepare.js';
import { answersSchema, type Answers } from '../../src/questions/answers.js';
import { retrofitAnswers } from '../../src/retrofit/index.js';
import { fixturesDir } from '../helpers/paths.js';

export const STACKS = ['node', 'python', 'go'] as const;
export type Stack = (typeof STACKS)[number];

/** What detection and the wizard would answer for each fixture app. */
const RAW: Record<Stack, object> = {
  node: { language: 'node', packageManager: 'npm', runtimeVersion: '22', installCommand: 'npm ci', startCommand: 'node server.js', port: 3000, base: 'distroless' },
  python: { language: 'python', packageManager: 'pip', runtimeVersion: '3.12', startCommand: 'python app.py', port: 8000, base: 'distroless' },
  go: { language: 'go', packageManager: 'go', runtimeVersion: '1.27', startCommand: 'server', port: 8080, base: 'distroless' },
};

export const fixtureDir = (stack: Stack) => path.join(fixturesDir, 'retrofit', stack);
export const existingDockerfile = (stack: Stack) => readFileSync(path.join(fixtureDir(stack), 'Dockerfile'), 'utf8');

/** Answers for a fixture, adjusted to its Dockerfile as retrofitDir does, with the test registry's stand-in bases. */
export function answersFor(stack: Stack): Answers {
  const answers = answersSchema.parse({ ...RAW[stack], registry: '127.0.0.1:5000', pin: false, security: { contact: 'mailto:security@example.com', url: 'https://example.com/.well-known/security.txt' } });
  return retrofitAnswers(existingDockerfile(stack), answers).answers;
}

/** The generator's Dockerfile for a fixture app (tag-only pins: no network). */
export async function generatedDockerfile(stack: Stack): Promise<string> {
  const result = await prepareGeneration(path.join(fixtureDir(stack), 'app'), answersFor(stack), { pin: false, now: new Date('2026-01-01T00:00:00Z') });
  return result.files.find((f) => f.path === 'Dockerfile')!.content;
}
