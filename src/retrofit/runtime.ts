import { analyzeDockerfile } from './analyze.js';
import type { StageModel } from './types.js';

/** The language runtime a Dockerfile's base image names, e.g. `FROM node:20-alpine` -> node 20. */
export interface BaseRuntime {
  language: string;
  /** Normalised as detection does: a major for node and Java, else major.minor (`3.11`, `1.21`). */
  version: string;
  /** The FROM line it was read from (1-based) and the image as written. */
  line: number;
  image: string;
}

type Reader = (stage: StageModel) => string | null;

/** Leading version of a tag: `20.11.1-bookworm-slim` -> 20.11.1. */
const leading = (tag: string | null) => (tag ? (/^v?(\d+(?:\.\d+)*)/.exec(tag)?.[1] ?? null) : null);
const last = (stage: StageModel) => stage.repository.split('/').pop() ?? '';

/** Official images per language and where their tag (or name) holds the runtime version. */
const READERS: Array<{ language: string; parts: 1 | 2; read: Reader }> = [
  { language: 'node', parts: 1, read: (s) => (last(s) === 'node' ? leading(s.tag) : (/^nodejs(\d+)-/.exec(last(s))?.[1] ?? null)) },
  { language: 'python', parts: 2, read: (s) => (last(s) === 'python' ? leading(s.tag) : null) },
  { language: 'go', parts: 2, read: (s) => (last(s) === 'golang' ? leading(s.tag) : null) },
  { language: 'ruby', parts: 2, read: (s) => (last(s) === 'ruby' ? leading(s.tag) : null) },
  { language: 'php', parts: 2, read: (s) => (last(s) === 'php' ? leading(s.tag) : null) },
  { language: 'rust', parts: 2, read: (s) => (last(s) === 'rust' ? leading(s.tag) : null) },
  { language: 'elixir', parts: 2, read: (s) => (last(s) === 'elixir' ? leading(s.tag) : null) },
  { language: 'deno', parts: 2, read: (s) => (last(s) === 'deno' ? (/(\d+\.\d+(?:\.\d+)?)/.exec(s.tag ?? '')?.[1] ?? null) : null) },
  { language: 'dotnet', parts: 2, read: (s) => (/^dotnet\/(sdk|aspnet|runtime)$/.test(s.repository) ? leading(s.tag) : null) },
  ...(['java', 'kotlin'] as const).map((language) => ({ language, parts: 1 as const, read: javaVersion })),
];

function javaVersion(stage: StageModel): string | null {
  const name = last(stage);
  if (['eclipse-temurin', 'openjdk', 'amazoncorretto', 'ibm-semeru-runtimes', 'sapmachine'].includes(name)) return leading(stage.tag);
  if (name === 'maven' || name === 'gradle') return /(?:temurin|jdk|openjdk|corretto)-?(\d+)/.exec(stage.tag ?? '')?.[1] ?? null;
  return /^java(\d+)-/.exec(name)?.[1] ?? null;
}

/**
 * The runtime version the Dockerfile's base images name for `language`: the first FROM of an
 * official image of that language with a version in its tag (or name). Null when none does
 * (`latest`, no tag, a variable, another language). Pure; never throws.
 */
export function runtimeFromDockerfile(text: string, language: string): BaseRuntime | null {
  const model = analyzeDockerfile(text);
  if (!model.ok) return null;
  for (const reader of READERS.filter((r) => r.language === language)) {
    for (const stage of model.stages) {
      if (stage.fromStage !== null || stage.image.includes('$')) continue;
      const raw = reader.read(stage);
      if (!raw) continue;
      const version = raw.split('.').slice(0, reader.parts).join('.');
      return { language, version, line: stage.line, image: stage.image };
    }
  }
  return null;
}
