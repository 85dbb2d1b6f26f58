// yum, dnf and zypper rules differ only in program names and flags; these build them.
import type { Edit, Rule, RuleHit } from '../rule.js';
import type { DockerfileModel, Instr } from '../model.js';
import { hasFlag, isProgram, positionals, type ShellCommand } from '../shell/index.js';
import { appendToRun, cleanedAfter, expandVariables, insertAfterSubcommand, runCommands, runInstructions } from './helpers.js';

type Meta = Omit<Rule, 'check' | 'fixer'>;

const VALUED = ['c', 'config', 'd', 'debuglevel', 'e', 'errorlevel', 'R', 'randomwait', 'installroot', 'releasever', 'setopt', 'x', 'exclude', 'disablerepo', 'enablerepo', 'repo', 'repoid', 'nodocs', 'r', 'root', 'D', 'reposd-dir', 'C', 'cache-dir', 'raw-cache-dir', 'solv-cache-dir', 'pkg-cache-dir', 'module', 'rpmverbosity'];

function sub(c: ShellCommand): string | undefined {
  return positionals(c, VALUED)[0];
}

export function invokes(c: ShellCommand, programs: string[], subs: string[]): boolean {
  return isProgram(c, ...programs) && subs.includes(sub(c) ?? '');
}

/** A rule: `programs subs` needs one of `yesFlags`; the fix inserts the first. */
export function yesRule(meta: Meta, programs: string[], subs: string[], yesFlags: string[]): Rule {
  const misses = (c: ShellCommand) => invokes(c, programs, subs) && !hasFlag(c, ...yesFlags);
  return {
    ...meta,
    check(model) {
      const hits: RuleHit[] = [];
      for (const instr of runInstructions(model)) {
        if (instr.shell().commands.some(misses)) hits.push({ line: instr.line, column: instr.column });
      }
      return hits;
    },
    fixer(model) {
      const edits: Edit[] = [];
      for (const { instr, command } of runCommands(model)) {
        if (!misses(command) || command.nested) continue;
        const edit = insertAfterSubcommand(instr, command, yesFlags[0].length === 1 ? `-${yesFlags[0]}` : `--${yesFlags[0]}`, VALUED);
        if (edit) edits.push(edit);
      }
      return edits;
    },
  };
}

/** A rule: a RUN using `programs` must also clean their cache (`cleaned`), or mount a cache over it. */
export function cleanRule(meta: Meta, programs: string[], subs: string[], cleaned: (c: ShellCommand) => boolean, cacheDir: RegExp, append: string): Rule {
  const offends = (instr: Instr) => {
    const cleanedLater = cleanedAfter(instr.shell().commands, (c) => invokes(c, programs, subs), cleaned);
    if (cleanedLater !== false) return false;
    return !instr.flags.some((f) => f.name === 'mount' && /type=(cache|tmpfs)/.test(f.value ?? '') && cacheDir.test(f.value ?? ''));
  };
  const offending = (model: DockerfileModel) => runInstructions(model).filter(offends);
  return {
    ...meta,
    check(model) {
      return offending(model).map((i) => ({ line: i.line, column: i.column }));
    },
    fixer(model) {
      return offending(model)
        .map((i) => appendToRun(i, append))
        .filter((e): e is Edit => e !== null);
    },
  };
}

/** A rule: every package named after `programs subs` must carry a version (`pinned`); modules need `name:stream`. */
export function pinRule(meta: Meta, programs: string[], subs: string[], pinned: (spec: string) => boolean): Rule {
  return {
    ...meta,
    check(model) {
      const hits: RuleHit[] = [];
      const envNames = new Set(model.instructions.filter((i) => i.keyword === 'ENV').flatMap((i) => i.properties.map((p) => p.name)));
      for (const instr of runInstructions(model)) {
        const bad = instr.shell().commands.some((c) => {
          if (!isProgram(c, ...programs)) return false;
          const [first, second, ...rest] = positionals(c, VALUED);
          let packages: string[];
          let ok = pinned;
          if (first === 'module' && second === 'install') {
            packages = rest;
            ok = (p) => p.includes(':');
          } else if (subs.includes(first ?? '')) packages = [second, ...rest].filter((p): p is string => p !== undefined);
          else return false;
          return packages.some((raw) => {
            const p = expandVariables(model, instr, raw);
            // A variable set only in an unrelated stage expands to nothing here: the package is unpinned.
            if (p.includes('$')) return [...p.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].some((m) => envNames.has(m[1]));
            return !ok(p) && !p.endsWith('.rpm') && !p.startsWith('/') && !p.startsWith('@');
          });
        });
        if (bad) hits.push({ line: instr.line, column: instr.column });
      }
      return hits;
    },
  };
}

export const cleansAll = (programs: string[]) => (c: ShellCommand) => isProgram(c, ...programs) && positionals(c, VALUED)[0] === 'clean' && positionals(c, VALUED)[1] === 'all';
export const removesDir = (dir: RegExp) => (c: ShellCommand) => isProgram(c, 'rm') && positionals(c).some((p) => dir.test(p));
