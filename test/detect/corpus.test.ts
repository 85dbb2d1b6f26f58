import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { detect } from '../../src/detect/index.js';
import type { Detection } from '../../src/detect/types.js';
import { corpusDir } from '../helpers/paths.js';
import { describeCorpus } from '../helpers/requirements.js';

const stacksDir = path.join(corpusDir, 'stacks');
const SUPPORTED = new Set(['node', 'python', 'go', 'java', 'kotlin', 'rust', 'ruby', 'php', 'dotnet', 'deno', 'elixir', 'static']);
/** The peers' language names -> ours. */
const LANGUAGE_ALIASES: Record<string, string> = { staticfile: 'static', 'c#': 'dotnet', 'f#': 'dotnet' };

/**
 * Examples where we knowingly disagree with the peer's snapshot, and why. Keys: `<example>:<field>`.
 * Each still counts as a miss in the ratios; the list only documents that it is not a bug.
 */
const DISAGREEMENTS: Record<string, string> = {
  'nixpacks-node-python:language':
    'the example is a lone nixpacks.toml listing providers; no file of the app itself says Node, so unknown is the honest answer',
  'railpack-config-file:language':
    'railpack.json says "provider": "node" and the app is index.ts with bun.lockb; the peer-derived "python" comes from an extra mise package',
  'railpack-mise-config:packageManager':
    'scripts.start runs `bun run index.ts` and @types/bun is installed: the app runs on Bun; the peer falls back to npm only because no lockfile exists',
};

/**
 * Every health route detection finds in the corpus, each read by hand in the example's files:
 * gin's `r.GET("/ping")` in nixpacks-go-mod, and the actuator the Spring Boot builds depend on
 * (Spring Boot 1.5 served it at /health). Anything else found would be a false positive.
 */
const HEALTH_ROUTES: Record<string, string> = {
  'nixpacks-go-mod': '/ping',
  'nixpacks-java-maven': '/actuator/health',
  'nixpacks-java-maven-wrapper': '/actuator/health',
  'nixpacks-java-spring-boot-1': '/health',
  'nixpacks-java-spring-boot-2': '/actuator/health',
  'nixpacks-java-spring-boot-3': '/actuator/health',
};

interface Expected {
  language: string | null;
  packageManager: string | null;
}

interface Outcome {
  name: string;
  expected: Expected;
  got: Detection | null;
  error?: string;
}

function examples(): string[] {
  return readdirSync(stacksDir)
    .filter((name) => statSync(path.join(stacksDir, name)).isDirectory())
    .sort();
}

describeCorpus('detection over the stack corpus (nixpacks and railpack examples)', () => {
  const outcomes: Outcome[] = [];

  it('detects every example without crashing', async () => {
    for (const name of examples()) {
      const expected = JSON.parse(readFileSync(path.join(stacksDir, name, 'expected.json'), 'utf8')) as Expected;
      try {
        outcomes.push({ name, expected, got: await detect(path.join(stacksDir, name)) });
      } catch (error) {
        outcomes.push({ name, expected, got: null, error: error instanceof Error ? error.stack ?? error.message : String(error) });
      }
    }
    const crashes = outcomes.filter((o) => o.error);
    for (const crash of crashes) console.log(`crash ${crash.name}: ${crash.error}`);
    expect(outcomes.length).toBeGreaterThan(250);
    expect(crashes.map((c) => c.name)).toEqual([]);
  });

  it('names the language of >= 95% of the supported examples', () => {
    const supported = outcomes.filter((o) => o.expected.language && SUPPORTED.has(LANGUAGE_ALIASES[o.expected.language] ?? o.expected.language));
    const misses = supported.filter((o) => o.got?.language !== (LANGUAGE_ALIASES[o.expected.language!] ?? o.expected.language));
    report('language', misses, supported.length, (o) => `${o.expected.language} -> ${o.got?.language}`);
    expect(supported.length).toBeGreaterThan(200);
    expect(1 - misses.length / supported.length).toBeGreaterThanOrEqual(0.95);
  });

  it('names the package manager of >= 90% of the supported examples that expect one', () => {
    const withPm = outcomes.filter((o) => o.expected.packageManager && o.expected.language && SUPPORTED.has(LANGUAGE_ALIASES[o.expected.language] ?? o.expected.language));
    const misses = withPm.filter((o) => o.got?.packageManager !== o.expected.packageManager);
    report('packageManager', misses, withPm.length, (o) => `${o.expected.packageManager} -> ${o.got?.packageManager}`);
    expect(1 - misses.length / withPm.length).toBeGreaterThanOrEqual(0.9);
  });

  it('finds exactly the health routes the examples define, each where its evidence line says', () => {
    const found: Record<string, string> = {};
    for (const { name, got } of outcomes) {
      for (const app of got ? [got, ...got.apps] : []) {
        if (app.healthcheck === null) continue;
        const key = 'path' in app ? `${name}/${app.path}` : name;
        found[key] = app.healthcheck;
        const line = (app.evidence ?? []).find((e) => e.line !== undefined)!;
        const text = readFileSync(path.join(stacksDir, name, line.file), 'utf8').split('\n')[line.line! - 1];
        // The line defines the route, or (the actuator) declares the dependency that serves it.
        expect(text, `${key}: ${line.file}:${line.line}`).toContain(/actuator/.test(line.fact) ? 'spring-boot-starter-actuator' : app.healthcheck);
      }
    }
    console.log(`health routes: ${Object.keys(found).length} in ${outcomes.length} examples (${Object.entries(found).map(([name, route]) => `${name} ${route}`).join(', ')})`);
    expect(found).toEqual(HEALTH_ROUTES);
  });

  it('reports >= 90% of the unsupported examples as unknown', () => {
    const unsupported = outcomes.filter((o) => !o.expected.language || !SUPPORTED.has(LANGUAGE_ALIASES[o.expected.language] ?? o.expected.language));
    const misses = unsupported.filter((o) => o.got?.language !== 'unknown');
    report('unsupported', misses, unsupported.length, (o) => `${o.expected.language ?? 'none'} -> ${o.got?.language}`);
    expect(unsupported.length).toBeGreaterThan(20);
    expect(1 - misses.length / unsupported.length).toBeGreaterThanOrEqual(0.9);
  });
});

function report(field: string, misses: Outcome[], total: number, describe: (o: Outcome) => string): void {
  const lines = misses.map((o) => {
    const why = DISAGREEMENTS[`${o.name}:${field}`];
    return `  ${o.name}: ${describe(o)}${why ? ` (allowed: ${why})` : ''}`;
  });
  console.log(`${field}: ${total - misses.length}/${total} right${lines.length ? `; misses:\n${lines.join('\n')}` : ''}`);
}
