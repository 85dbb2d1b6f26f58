// Plain constants shared by the answers schema and the question model; no dependencies,
// so the CLI can declare its flags without loading zod.

/** Final base image flavours a user can choose (SPEC `--base`). */
export const BASE_KINDS = ['distroless', 'alpine', 'slim', 'scratch'] as const;
export type BaseKind = (typeof BASE_KINDS)[number];

export const LANGUAGES = ['node', 'python', 'go', 'java', 'kotlin', 'rust', 'ruby', 'php', 'dotnet', 'deno', 'elixir', 'static'] as const;
export type AnswerLanguage = (typeof LANGUAGES)[number];

/** Package managers per language, most common first (the first is the fallback default). */
export const PACKAGE_MANAGERS: Record<AnswerLanguage, readonly string[]> = {
  node: ['npm', 'pnpm', 'yarn', 'bun'],
  python: ['pip', 'poetry', 'uv', 'pipenv', 'pdm'],
  go: ['go'],
  java: ['maven', 'gradle'],
  kotlin: ['gradle', 'maven'],
  rust: ['cargo'],
  ruby: ['bundler'],
  php: ['composer'],
  dotnet: ['dotnet'],
  deno: ['deno'],
  elixir: ['mix'],
  static: ['none', 'npm', 'pnpm', 'yarn', 'bun'],
};

/** Runtime version used when the repo pins none and the end-of-life table knows no supported line with a base image (rust, static). */
export const DEFAULT_RUNTIME_VERSIONS: Record<AnswerLanguage, string> = {
  node: '22',
  python: '3.12',
  go: '1.23',
  java: '21',
  kotlin: '21',
  rust: '1.83',
  ruby: '3.3',
  php: '8.3',
  dotnet: '8.0',
  deno: '2.1',
  elixir: '1.17',
  static: '1',
};
