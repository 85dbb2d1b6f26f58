import { defaultToday } from '../eol/table.js';
import { parseJson, parseJsonc, parseToml, parseXml, parseYaml, type Parsed } from './parsers.js';
import type { RepoSnapshot } from './types.js';

type Format = 'json' | 'jsonc' | 'toml' | 'yaml' | 'xml';
const PARSERS: Record<Format, (text: string) => Parsed> = { json: parseJson, jsonc: parseJsonc, toml: parseToml, yaml: parseYaml, xml: parseXml };
const FORMAT_NAMES: Record<Format, string> = { json: 'JSON', jsonc: 'JSON', toml: 'TOML', yaml: 'YAML', xml: 'XML' };

/** One detection run over a snapshot: parse cache, directory index and the warnings it produced. */
export class Session {
  readonly warnings: string[] = [];
  private readonly parsed = new Map<string, unknown>();
  private dirs: Set<string> | undefined;

  /** `today`: the day (`YYYY-MM-DD`) end-of-life facts are judged by. */
  constructor(
    readonly snapshot: RepoSnapshot,
    readonly today: string = defaultToday(),
  ) {}

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  /** Files at or below `dir` ("" = whole repo), repo-relative, sorted. */
  under(dir: string): readonly string[] {
    const files = this.snapshot.files;
    if (dir === '') return files;
    const prefix = `${dir}/`;
    let lo = 0;
    let hi = files.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (files[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < files.length && files[end].startsWith(prefix)) end++;
    return files.slice(lo, end);
  }

  hasDir(dir: string): boolean {
    if (dir === '') return true;
    if (!this.dirs) {
      this.dirs = new Set();
      for (const file of this.snapshot.files) {
        for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1)) this.dirs.add(file.slice(0, i));
      }
    }
    return this.dirs.has(dir);
  }

  /** Parsed content of a file, or null when absent or malformed (malformed: one warning naming file and line). */
  parse(file: string, format: Format): unknown {
    const key = `${format}:${file}`;
    if (this.parsed.has(key)) return this.parsed.get(key);
    const text = this.snapshot.read(file);
    let value: unknown = null;
    if (text !== null) {
      const result = PARSERS[format](text);
      if (result.ok) value = result.value;
      else this.warn(`${file}:${result.line}: not valid ${FORMAT_NAMES[format]} (${result.message}); ignored it`);
    }
    this.parsed.set(key, value);
    return value;
  }
}

/** A plain object, or undefined. Keeps detectors free of `any`. */
export type Obj = Record<string, unknown>;
export function obj(value: unknown): Obj | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : undefined;
}
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** The repository seen from one app directory; file names are relative to it, evidence paths to the repo. */
export class AppView {
  constructor(
    readonly session: Session,
    /** Repo-relative directory, "" for the root. */
    readonly dir: string,
  ) {}

  get isRoot(): boolean {
    return this.dir === '';
  }

  /** The repo-relative path of a file of this app. */
  path(rel: string): string {
    return this.dir ? `${this.dir}/${rel}` : rel;
  }

  at(sub: string): AppView {
    return new AppView(this.session, this.path(sub));
  }

  has(rel: string): boolean {
    return this.fileSet().has(this.path(rel));
  }

  hasDir(rel: string): boolean {
    return this.session.hasDir(this.path(rel));
  }

  read(rel: string, maxBytes?: number): string | null {
    return this.has(rel) ? this.session.snapshot.read(this.path(rel), maxBytes) : null;
  }

  json(rel: string): Obj | undefined {
    return this.has(rel) ? obj(this.session.parse(this.path(rel), 'json')) : undefined;
  }
  jsonc(rel: string): Obj | undefined {
    return this.has(rel) ? obj(this.session.parse(this.path(rel), 'jsonc')) : undefined;
  }
  toml(rel: string): Obj | undefined {
    return this.has(rel) ? obj(this.session.parse(this.path(rel), 'toml')) : undefined;
  }
  yaml(rel: string): unknown {
    return this.has(rel) ? this.session.parse(this.path(rel), 'yaml') : undefined;
  }
  xml(rel: string): Obj | undefined {
    return this.has(rel) ? obj(this.session.parse(this.path(rel), 'xml')) : undefined;
  }

  /** Files of this app, relative to it, optionally only down to `maxDepth` directories. */
  files(maxDepth = Infinity): string[] {
    const offset = this.dir ? this.dir.length + 1 : 0;
    const out: string[] = [];
    for (const file of this.session.under(this.dir)) {
      const rel = file.slice(offset);
      if (maxDepth !== Infinity && countSlashes(rel) > maxDepth) continue;
      out.push(rel);
    }
    return out;
  }

  /** Names of the files directly in `relDir` of this app. */
  list(relDir = ''): string[] {
    const base = relDir ? this.path(relDir) : this.dir;
    const offset = base ? base.length + 1 : 0;
    return this.session
      .under(base)
      .map((file) => file.slice(offset))
      .filter((rel) => !rel.includes('/'));
  }

  /** Repo-relative path of `rel` in this directory or the nearest parent up to the repo root, else null. */
  findUp(rel: string): string | null {
    let dir = this.dir;
    for (;;) {
      const candidate = dir ? `${dir}/${rel}` : rel;
      if (this.fileSet().has(candidate)) return candidate;
      if (dir === '') return null;
      const slash = dir.lastIndexOf('/');
      dir = slash === -1 ? '' : dir.slice(0, slash);
    }
  }

  warn(message: string): void {
    this.session.warn(message);
  }

  private fileSet(): Set<string> {
    return fileSetOf(this.session.snapshot);
  }
}

const fileSets = new WeakMap<RepoSnapshot, Set<string>>();
function fileSetOf(snapshot: RepoSnapshot): Set<string> {
  let set = fileSets.get(snapshot);
  if (!set) {
    set = new Set(snapshot.files);
    fileSets.set(snapshot, set);
  }
  return set;
}

function countSlashes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 47) n++;
  return n;
}
