import type { AppFacts, Evidence, Language } from './types.js';
import { chooseRuntimeVersion } from '../eol/choose.js';
import type { RangeDialect } from '../eol/ranges.js';
import type { Product } from '../eol/table.js';
import { imageVersions } from '../generate/base.js';
import { miseEntry, normaliseVersion, toolVersionsEntry } from './versions.js';
import type { AppView } from './view.js';

/** What one detector concluded about one directory. */
export interface StackMatch {
  /** A supported language, or "unknown" for a stack this tool recognises but does not build. */
  language: Language;
  /** 0..1: how sure the detector is. The registry picks the highest. */
  confidence: number;
  facts: Partial<Omit<AppFacts, 'language'>>;
  evidence: Evidence[];
  /** For unsupported stacks: their real name ("Gleam"). */
  name?: string;
  /** A package other apps use rather than something to deploy (workspace members only). */
  library?: boolean;
}

/** A detector: a pure function from a view of one directory to a match, or null when it sees nothing of its stack. */
export interface Detector {
  id: string;
  detect(view: AppView): StackMatch | null;
}

/** Collects facts and evidence while a detector reads files. */
export class Findings {
  readonly evidence: Evidence[] = [];
  note(file: string, fact: string): void {
    if (!this.evidence.some((e) => e.file === file && e.fact === fact)) this.evidence.push({ file, fact });
  }
}

export interface VersionSource {
  /** File name looked up in the app dir, then its parents. */
  file: string;
  /** Extracts the raw version text (and the field it came from) from the file's text. */
  extract(view: AppView, path: string): { raw: string; field: string } | null;
}

/** The runtime a detector's version pins: its end-of-life product and its stack in the base image table. */
export interface RuntimeLine {
  product: Product;
  stack: string;
  /** How `~` reads in this stack's manifests (Composer's `~8.2` allows 8.x). */
  dialect?: RangeDialect;
}

/**
 * The first source that pins a usable version wins; the evidence names the file, the field and
 * how the raw text was normalised. Unusable pins are noted and skipped. With a `runtime`, a range
 * becomes the newest supported line it allows that has a base image (on the session's day), and a
 * pin whose line has ended is kept with a warning that names the date and the line to move to.
 */
export function pinnedVersion(view: AppView, found: Findings, sources: VersionSource[], mapRaw?: (raw: string) => string | null, runtime?: RuntimeLine): string | null {
  for (const source of sources) {
    const path = view.findUp(source.file);
    if (!path) continue;
    const got = source.extract(view, path);
    if (!got) continue;
    const mapped = mapRaw ? mapRaw(got.raw) : got.raw;
    if (mapped === null) {
      found.note(path, `${got.field ? `${got.field} ` : ''}${got.raw}: not a version; ignored`);
      continue;
    }
    const chosen = runtime
      ? chooseRuntimeVersion(runtime.product, mapped, { today: view.session.today, available: imageVersions(runtime.stack), dialect: runtime.dialect })
      : { ...normaliseVersion(mapped), endOfLife: null };
    const { version, note } = chosen;
    if (version === null) {
      found.note(path, `${got.field ? `${got.field} ` : ''}${note}; ignored`);
      continue;
    }
    found.note(path, `${got.field ? `${got.field} ` : ''}${mapped === got.raw ? note : `${got.raw} -> ${note}`}`);
    if (chosen.endOfLife) {
      const next = chosen.endOfLife.replacement?.cycle;
      view.session.warn(`${view.dir ? `${view.dir}: ` : ''}${path} pins ${chosen.endOfLife.message}${next ? ` (pass --runtime-version ${next}, or raise the pin)` : ''}`);
    }
    return version;
  }
  return null;
}

/** Reads a version file whose first non-comment line is the version (.nvmrc, .python-version). */
export function firstLineSource(file: string, strip?: RegExp): VersionSource {
  return {
    file,
    extract(view, path) {
      const text = view.session.snapshot.read(path, 4096);
      const line = text?.split('\n').map((l) => l.replace(/#.*/, '').trim()).find(Boolean);
      if (!line) return null;
      return { raw: strip ? line.replace(strip, '') : line, field: '' };
    },
  };
}

export function toolVersionsSource(names: string[]): VersionSource {
  return {
    file: '.tool-versions',
    extract(view, path) {
      const text = view.session.snapshot.read(path, 16384);
      const raw = text ? toolVersionsEntry(text, names) : null;
      return raw ? { raw, field: names[0] } : null;
    },
  };
}

export function miseSources(names: string[]): VersionSource[] {
  return ['mise.toml', '.mise.toml'].map((file) => ({
    file,
    extract(view, path) {
      const raw = miseEntry(view.session.parse(path, 'toml') as Record<string, unknown> | undefined, names);
      return raw ? { raw, field: `tools.${names[0]}` } : null;
    },
  }));
}

/** The `web:` process of a Procfile in the app dir, if any. */
export function procfileWeb(view: AppView, found: Findings): string | null {
  const text = view.read('Procfile', 16384);
  if (!text) return null;
  const line = text.split('\n').find((l) => /^web\s*:/.test(l)) ?? text.split('\n').find((l) => /^\w[\w-]*\s*:/.test(l));
  if (!line) return null;
  const command = line.replace(/^[\w-]+\s*:\s*/, '').trim();
  if (!command) return null;
  found.note(view.path('Procfile'), `${line.split(':')[0].trim()}: ${command}`);
  return command;
}

const PORT_PATTERNS: Array<[RegExp, string]> = [
  [/\.listen\(\s*(\d{2,5})\b/, 'listen($1)'],
  [/\bPORT\b["']?\s*(?:\)\s*)?(?:\|\||\?\?|\bor\b|,|:-|\?:)\s*(?:default\s*=\s*)?["']?(\d{2,5})\b/, 'PORT defaults to $1'],
  [/ListenAndServe(?:TLS)?\(\s*"[\w.]*:(\d{2,5})"/, 'ListenAndServe(":$1")'],
  [/\.(?:Run|Start|Listen)\(\s*"[\w.]*:(\d{2,5})"/, 'listens on ":$1"'],
  [/Addr\s*:\s*"[\w.]*:(\d{2,5})"/, 'Addr ":$1"'],
  [/\b(?:app|uvicorn|web|socketio)\.run\([^)]*\bport\s*=\s*(\d{2,5})/, 'run(port=$1)'],
  [/\bbind\(\s*(?:\(\s*)?"[\w.]*:?(\d{2,5})"/, 'bind("...:$1")'],
  [/\bbind\(\s*\(\s*"[\w.]+"\s*,\s*(\d{2,5})\s*\)/, 'bind(("...", $1))'],
  [/\[\s*0\s*,\s*0\s*,\s*0\s*,\s*0\s*\]\s*,\s*(\d{2,5})\s*\)/, 'SocketAddr port $1'],
  [/\b(?:Threading)?(?:HTTP|TCP)Server\(\s*\(\s*["'][\w.]*["']\s*,\s*(\d{2,5})\s*\)/, 'server address ("", $1)'],
  [/\bmake_server\(\s*["'][\w.]*["']\s*,\s*(\d{2,5})\b/, 'make_server("", $1)'],
  [/Deno\.serve\(\s*\{[^}]*\bport\s*:\s*(\d{2,5})/, 'Deno.serve({ port: $1 })'],
  [/\bport\s*[:=]\s*["']?(\d{2,5})\b/i, 'port $1'],
];

/** Ports of databases and brokers that show up in app code as client settings, not as the app's own port. */
const CLIENT_PORTS = new Set([5432, 3306, 6379, 27017, 9200, 11211, 5672, 1433, 9092, 2181]);

/** A port the code listens on, from the first pattern that matches; null if none does. */
export function portInCode(text: string): { port: number; fact: string } | null {
  for (const [pattern, fact] of PORT_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const port = Number(match[1]);
    if (port >= 80 && port <= 65535 && !CLIENT_PORTS.has(port)) return { port, fact: fact.replace('$1', match[1]) };
  }
  return null;
}

/** A port named on a command line: `-p 5000`, `--port=8000`, `--bind 0.0.0.0:8000`, `-b :8080`. */
export function portInCommand(command: string): number | null {
  const match = /(?:-p|--port)[ =](\d{2,5})\b/.exec(command) ?? /(?:-b|--bind|--listen|-l)[ =]\S*:(\d{2,5})\b/.exec(command) ?? /\b0\.0\.0\.0:(\d{2,5})\b/.exec(command);
  return match ? Number(match[1]) : null;
}

/** Looks for a port in the given files of the view, in order; the first hit wins. */
export function portInFiles(view: AppView, found: Findings, files: string[]): number | null {
  for (const file of files) {
    const text = view.read(file, 64 * 1024);
    if (!text) continue;
    const hit = portInCode(text);
    if (hit) {
      found.note(view.path(file), hit.fact);
      return hit.port;
    }
  }
  return null;
}

/** Dependency-free helper: does any of these names exist in the record's keys? */
export function firstKey(record: Record<string, unknown> | undefined, names: string[]): string | null {
  if (!record) return null;
  for (const name of names) if (Object.prototype.hasOwnProperty.call(record, name)) return name;
  return null;
}
