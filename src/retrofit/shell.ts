import { parse } from 'shell-quote';
import type { SystemPackageManager } from './types.js';

/** A top-level command of a shell line and the operator that joins it to the next one. */
export interface Segment {
  text: string;
  /** `&&`, `||`, `;`, `|`, `&` or '' for the last. */
  op: string;
}

/**
 * Splits a shell command at its top-level operators, respecting quotes, escapes, `$(...)`,
 * backticks and parentheses. Line continuations become spaces.
 */
export function splitCommand(command: string): Segment[] {
  const text = command.replace(/\\\r?\n/g, ' ');
  const segments: Segment[] = [];
  let current = '';
  let quote: '"' | "'" | '`' | null = null;
  let depth = 0;
  const push = (op: string) => {
    segments.push({ text: current.trim(), op });
    current = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const next = text[i + 1];
    if (quote) {
      current += ch;
      if (ch === '\\' && quote !== "'" && i + 1 < text.length) {
        current += next;
        i++;
      } else if (ch === quote) {
        quote = null;
      }
      continue;
    }
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + next;
      i++;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      quote = ch;
      current += ch;
      continue;
    }
    if (ch === '(' || (ch === '$' && next === '(')) {
      depth++;
      current += ch;
      continue;
    }
    if (ch === ')' && depth > 0) {
      depth--;
      current += ch;
      continue;
    }
    if (depth === 0) {
      if ((ch === '&' && next === '&') || (ch === '|' && next === '|')) {
        push(ch + next);
        i++;
        continue;
      }
      if (ch === ';' || ch === '\n') {
        push(';');
        continue;
      }
      if (ch === '|' && next !== '&') {
        push('|');
        continue;
      }
      if (ch === '&' && next !== '>' && text[i - 1] !== '>' && text[i - 1] !== '<') {
        push('&');
        continue;
      }
    }
    current += ch;
  }
  segments.push({ text: current.trim(), op: '' });
  return segments.filter((segment, index) => segment.text !== '' || index === segments.length - 1).filter((s) => s.text !== '');
}

/** Words of one simple command; variables stay as `$NAME`, operators and globs as their text. */
export function words(command: string): string[] {
  let entries: ReturnType<typeof parse>;
  try {
    entries = parse(command.replace(/\\\r?\n/g, ' '), (name) => `$${name}`);
  } catch {
    return command.split(/\s+/).filter(Boolean);
  }
  return entries.map((entry) => {
    if (typeof entry === 'string') return entry;
    if ('op' in entry && entry.op === 'glob') return (entry as { pattern: string }).pattern;
    if ('op' in entry) return entry.op;
    if ('comment' in entry) return '#' + entry.comment;
    return '';
  });
}

/** The program a simple command runs, skipping `VAR=x` prefixes, `sudo`, `env`, `exec`, `time`. */
export function programWords(command: string): string[] {
  const list = words(command);
  let i = 0;
  while (i < list.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(list[i]) || ['sudo', 'env', 'exec', 'time', 'command', 'nice'].includes(list[i]))) {
    if (list[i] === 'sudo') {
      i++;
      while (i < list.length && list[i].startsWith('-')) i++;
      continue;
    }
    i++;
  }
  return list.slice(i);
}

/** A shell line uses something only a shell does: operators, variables, globs, redirections, subshells. */
export function needsShell(command: string): boolean {
  const text = command.replace(/\\\r?\n/g, ' ');
  if (/[|&;<>()`$*?{}~]|\[/.test(text.replace(/'[^']*'/g, "''"))) return true;
  return /(^|\s)(cd|export|source|\.|set|ulimit|umask)\s/.test(' ' + text);
}

export type SegmentKind = 'packages' | 'package-housekeeping' | 'dependencies' | 'app-build' | 'user-setup' | 'custom';

const APT = new Set(['apt-get', 'apt', 'aptitude']);
const DNF: Record<string, SystemPackageManager> = { dnf: 'dnf', yum: 'yum', microdnf: 'microdnf', zypper: 'zypper' };

/** What one simple command does, for moving it to the right stage. */
export function classifySegment(command: string): SegmentKind {
  const argv = programWords(command);
  const program = (argv[0] ?? '').replace(/^.*\//, '');
  const sub = argv.slice(1).filter((word) => !word.startsWith('-'));
  const verb = sub[0] ?? '';
  if (APT.has(program)) {
    if (['install'].includes(verb)) return 'packages';
    return ['update', 'clean', 'autoclean', 'autoremove', 'upgrade', 'dist-upgrade', 'purge', 'remove'].includes(verb) ? 'package-housekeeping' : 'custom';
  }
  if (program === 'apk') {
    if (verb === 'add') return 'packages';
    return ['update', 'upgrade', 'cache', 'del'].includes(verb) ? 'package-housekeeping' : 'custom';
  }
  if (program in DNF) {
    if (verb === 'install') return 'packages';
    return ['clean', 'update', 'upgrade', 'makecache', 'remove'].includes(verb) ? 'package-housekeeping' : 'custom';
  }
  if (program === 'rm' && argv.some((word) => /^\/var\/(lib\/apt\/lists|cache\/(apt|apk|yum|dnf))/.test(word))) return 'package-housekeeping';
  if (['useradd', 'adduser', 'groupadd', 'addgroup', 'usermod'].includes(program)) return 'user-setup';
  if (['npm', 'yarn', 'pnpm', 'bun'].includes(program)) {
    if (['ci', 'install', 'i'].includes(verb) || (program === 'yarn' && verb === '')) {
      // `npm install -g pm2` adds a tool, not the app's own dependencies.
      if (argv.includes('-g') || argv.includes('--global') || sub.length > 1) return 'custom';
      return 'dependencies';
    }
    if (verb === 'run' && ['build', 'compile'].includes(sub[1] ?? '')) return 'app-build';
    if (verb === 'build') return 'app-build';
    if (verb === 'prune' || (program === 'npm' && verb === 'cache' && sub[1] === 'clean')) return 'app-build';
    return 'custom';
  }
  if (['pip', 'pip3'].includes(program) || (program.startsWith('python') && argv[1] === '-m' && ['pip', 'pip3'].includes(argv[2] ?? ''))) {
    const rest = program.startsWith('python') ? argv.slice(3) : argv.slice(1);
    if (rest[0] !== 'install') return 'custom';
    const targets = rest.slice(1).filter((word) => !word.startsWith('-'));
    if (rest.includes('-r') || rest.some((word) => word.startsWith('--requirement')) || targets.every((t) => t === '.' || t === '-e')) return 'dependencies';
    return 'custom';
  }
  if (['poetry', 'pipenv', 'uv'].includes(program) && ['install', 'sync'].includes(verb)) return 'dependencies';
  if (program === 'go') {
    if (verb === 'mod' && ['download', 'tidy', 'vendor', 'verify'].includes(sub[1] ?? '')) return 'dependencies';
    if (verb === 'build') return 'app-build';
    return 'custom';
  }
  if (['bundle', 'composer', 'mix'].includes(program) && ['install', 'deps.get', 'config'].includes(verb)) return 'dependencies';
  if (program === 'cargo' && verb === 'build') return 'app-build';
  if (['mvn', 'gradle', './mvnw', 'mvnw', './gradlew', 'gradlew'].includes(program)) return 'app-build';
  return 'custom';
}

export function systemManagerOf(command: string): SystemPackageManager | null {
  const program = (programWords(command)[0] ?? '').replace(/^.*\//, '');
  if (APT.has(program)) return 'apt';
  if (program === 'apk') return 'apk';
  return DNF[program] ?? null;
}

/** Package names an install command names (flags and their values dropped). */
export function installedPackages(command: string): string[] {
  const argv = programWords(command);
  const verbIndex = argv.findIndex((word, index) => index > 0 && (word === 'install' || word === 'add'));
  if (verbIndex < 0) return [];
  const valued = new Set(['-o', '-t', '--target-release', '--repository', '-X', '--virtual', '-t', '--setopt', '--enablerepo', '--disablerepo']);
  const out: string[] = [];
  for (let i = verbIndex + 1; i < argv.length; i++) {
    const word = argv[i];
    if (valued.has(word)) {
      i++;
      continue;
    }
    if (word.startsWith('-') || ['>', '>>', '2>', '&>', '>&', '<', '|'].includes(word)) {
      if (['>', '>>', '>&', '<'].includes(word)) i++;
      continue;
    }
    if (/^\d+$/.test(word)) continue;
    out.push(word);
  }
  return out;
}

/** `$NAME` / `${NAME}` references in a text. */
export function referencedVariables(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) found.add(match[1]);
  return [...found];
}

/** JSON exec form of words, as Docker reads it. */
export function execForm(argv: string[]): string {
  return '[' + argv.map((word) => JSON.stringify(word)).join(', ') + ']';
}
