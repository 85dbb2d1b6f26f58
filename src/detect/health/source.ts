// The app's own source files, read once, bounded, with comments blanked out for pattern matching.
import type { AppView } from '../view.js';
import { manifestDirs } from '../workspace.js';

/** At most this many source files are read per app, and at most this much of each. */
export const MAX_SOURCE_FILES = 300;
export const MAX_SOURCE_BYTES = 64 * 1024;
const MAX_DEPTH = 8;

/** Tests, examples, docs and built or static output: routes there are not what the app serves. */
const SKIPPED_PATH = /(^|\/)(node_modules|vendor|tests?|__tests__|__mocks__|spec|specs|e2e|testdata|fixtures?|examples?|docs?|build|out|public|static|coverage|migrations)\//;
const SKIPPED_FILE = /(\.(test|spec|e2e)\.[cm]?[jt]sx?|\.d\.ts|\.min\.js|_test\.go|(^|\/)test_[^/]*\.py|_tests?\.py|(^|\/)conftest\.py|Tests?\.(java|kt))$/;

export type CommentStyle = 'c' | 'python';

export interface SourceFile {
  /** Path relative to the app directory. */
  rel: string;
  /** Repo-relative path, for evidence. */
  path: string;
  text: string;
  /** `text` with comments (and Python docstrings) replaced by spaces: same length, same line breaks. */
  code: string;
  /** 1-based line of an offset. */
  lineOf(offset: number): number;
}

/**
 * The app's source files with these extensions: `first` (entry files) ahead of the rest, shallow
 * before deep, none from tests, examples, build output or a nested project (a subdirectory with
 * its own manifest, e.g. a workspace member), at most MAX_SOURCE_FILES of them.
 */
export function sourceFiles(view: AppView, extensions: RegExp, style: CommentStyle, first: readonly string[] = []): SourceFile[] {
  const nested = manifestDirs(view.session)
    .filter((dir) => dir !== view.dir && (view.dir === '' || dir.startsWith(`${view.dir}/`)))
    .map((dir) => `${view.dir ? dir.slice(view.dir.length + 1) : dir}/`);
  const depth = (rel: string) => rel.split('/').length;
  const wanted = view
    .files(MAX_DEPTH)
    .filter((rel) => extensions.test(rel) && !SKIPPED_PATH.test(rel) && !SKIPPED_FILE.test(rel) && !nested.some((dir) => rel.startsWith(dir)));
  const rank = (rel: string) => {
    const index = first.indexOf(rel);
    return index === -1 ? first.length : index;
  };
  wanted.sort((a, b) => rank(a) - rank(b) || depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: SourceFile[] = [];
  for (const rel of wanted.slice(0, MAX_SOURCE_FILES)) {
    const text = view.read(rel, MAX_SOURCE_BYTES);
    if (text === null) continue;
    out.push(sourceFile(rel, view.path(rel), text, style));
  }
  return out;
}

/** One source file from its text (tests build them directly). */
export function sourceFile(rel: string, path: string, text: string, style: CommentStyle): SourceFile {
  let starts: number[] | undefined;
  return {
    rel,
    path,
    text,
    code: style === 'python' ? maskPython(text) : maskC(text),
    lineOf(offset) {
      if (!starts) {
        starts = [0];
        for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
      }
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    },
  };
}

function blank(chars: string[], from: number, to: number): void {
  for (let i = from; i < to; i++) if (chars[i] !== '\n') chars[i] = ' ';
}

/**
 * `//` and `/* *\/` comments blanked (JavaScript, TypeScript, Go, Java, Kotlin), strings kept.
 * Quotes end at a line break so one misread quote (a regex literal) cannot run on for the whole file.
 */
export function maskC(text: string): string {
  const chars = text.split('');
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i];
    if (ch === '/' && chars[i + 1] === '/') {
      const end = chars.indexOf('\n', i);
      const stop = end === -1 ? chars.length : end;
      blank(chars, i, stop);
      i = stop;
    } else if (ch === '/' && chars[i + 1] === '*') {
      let end = i + 2;
      while (end < chars.length && !(chars[end] === '*' && chars[end + 1] === '/')) end++;
      const stop = Math.min(end + 2, chars.length);
      blank(chars, i, stop);
      i = stop;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      i++;
      while (i < chars.length && chars[i] !== ch && (ch === '`' || chars[i] !== '\n')) i += chars[i] === '\\' && ch !== '`' ? 2 : 1;
      i++;
    } else {
      i++;
    }
  }
  return chars.join('');
}

/** `#` comments and triple-quoted strings (docstrings) blanked; other strings kept. */
export function maskPython(text: string): string {
  const chars = text.split('');
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i];
    if (ch === '#') {
      const end = chars.indexOf('\n', i);
      const stop = end === -1 ? chars.length : end;
      blank(chars, i, stop);
      i = stop;
    } else if ((ch === '"' || ch === "'") && chars[i + 1] === ch && chars[i + 2] === ch) {
      let end = i + 3;
      while (end < chars.length && !(chars[end] === ch && chars[end + 1] === ch && chars[end + 2] === ch)) end += chars[end] === '\\' ? 2 : 1;
      const stop = Math.min(end + 3, chars.length);
      blank(chars, i, stop);
      i = stop;
    } else if (ch === '"' || ch === "'") {
      i++;
      while (i < chars.length && chars[i] !== ch && chars[i] !== '\n') i += chars[i] === '\\' ? 2 : 1;
      i++;
    } else {
      i++;
    }
  }
  return chars.join('');
}
