// Reading COPY/ADD sources and destination in both forms.
import type { Instr } from '../model.js';

/** Splits COPY/ADD arguments on blanks outside quotes; quotes are removed, backslashes kept (Windows paths). */
function splitWords(text: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: string | null = null;
  let started = false;
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = null;
      else current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      started = true;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (started) words.push(current);
      current = '';
      started = false;
    } else {
      current += c;
      started = true;
    }
  }
  if (started) words.push(current);
  return words;
}

export function copyPaths(instr: Instr): { sources: string[]; dest: string | null } {
  // With heredocs (`COPY <<EOF /dest`) the body follows the first line; only that line holds paths.
  const text = /<<-?["']?\w/.test(instr.text) ? instr.text.split('\n')[0] : instr.text;
  const words = instr.exec ?? splitWords(text).filter((a) => !a.startsWith('--'));
  // Heredoc sources (`COPY <<EOF /x`) are inline files.
  const list = words.filter((w) => !w.startsWith('<<'));
  if (list.length < 2) return { sources: list.slice(0, -1), dest: list[list.length - 1] ?? null };
  return { sources: list.slice(0, -1), dest: list[list.length - 1] };
}

export function flagValue(instr: Instr, name: string): string | null {
  const flag = instr.flags.find((f) => f.name === name);
  return flag ? flag.value : null;
}

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz|tbz2|tb2|tar\.xz|txz|tar\.z|taz|tar\.lz|tlz|tar\.lzma|tlzma|tar\.zst|tzst|gz|bz2|xz|lz|lzma|zst|z)$/i;
export const isArchive = (path: string): boolean => ARCHIVE.test(path.replace(/["']/g, ''));
export const isUrl = (path: string): boolean => /^(https?|ftp|git):\/\/|^git@|\.git(#.*)?$/i.test(path.replace(/^["']|["']$/g, ''));
