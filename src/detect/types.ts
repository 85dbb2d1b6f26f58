/** Detection result, exactly the `detect --json` shape of the SPEC. */
export type Language =
  | 'node' | 'python' | 'go' | 'java' | 'kotlin' | 'rust' | 'ruby' | 'php' | 'dotnet' | 'deno' | 'elixir' | 'static' | 'unknown';

export type PackageManager =
  | 'npm' | 'yarn' | 'pnpm' | 'bun' | 'pip' | 'poetry' | 'pipenv' | 'uv' | 'pdm' | 'go' | 'maven' | 'gradle' | 'cargo'
  | 'bundler' | 'composer' | 'dotnet' | 'mix' | 'deno' | 'none';

export interface Evidence {
  file: string;
  fact: string;
}

/** Facts about one deployable app. */
export interface AppFacts {
  language: Language;
  packageManager: PackageManager;
  /** Runtime version as the repo pins it, normalised to what the image should use ("20", "3.12"). */
  version: string | null;
  framework: string | null;
  build: string | null;
  start: string | null;
  install: string | null;
  port: number | null;
}

export interface Detection extends AppFacts {
  workspace: boolean;
  apps: Array<AppFacts & { path: string; evidence?: Evidence[] }>;
  evidence: Evidence[];
  warnings: string[];
}
