import type { ShellCommand } from './parse.js';

/** The command's program name without its directory (`/usr/bin/apt-get` -> `apt-get`). */
export function programName(command: ShellCommand): string {
  const slash = command.name.lastIndexOf('/');
  return slash >= 0 ? command.name.slice(slash + 1) : command.name;
}

export function isProgram(command: ShellCommand, ...names: string[]): boolean {
  return names.includes(programName(command));
}

/** Option names given to the command: `-xy` gives `x` and `y`, `--foo=bar` gives `foo`. */
export function flagNames(command: ShellCommand): string[] {
  const names: string[] = [];
  for (const arg of command.args) {
    if (arg === '--') break;
    if (arg.startsWith('--')) names.push(arg.slice(2).split('=')[0]);
    else if (arg.startsWith('-') && arg.length > 1) names.push(...arg.slice(1).split(''));
  }
  return names;
}

export function hasFlag(command: ShellCommand, ...names: string[]): boolean {
  const given = flagNames(command);
  return names.some((name) => given.includes(name));
}

/** The value of `--name=value`, `--name value`, `-n value` or `-nvalue` (last one wins). */
export function flagValues(command: ShellCommand, ...names: string[]): string[] {
  const values: string[] = [];
  for (let i = 0; i < command.args.length; i++) {
    const arg = command.args[i];
    for (const name of names) {
      const long = name.length > 1;
      const prefix = long ? `--${name}` : `-${name}`;
      if (arg === prefix && i + 1 < command.args.length) values.push(command.args[i + 1]);
      else if (long && arg.startsWith(`${prefix}=`)) values.push(arg.slice(prefix.length + 1));
      else if (!long && arg.startsWith(prefix) && arg.length > 2 && !arg.startsWith('--')) values.push(arg.slice(2));
    }
  }
  return values;
}

/** Arguments that are not options. `valued` names options that take the next word as their value. */
export function positionals(command: ShellCommand, valued: string[] = []): string[] {
  const out: string[] = [];
  let rest = false;
  for (let i = 0; i < command.args.length; i++) {
    const arg = command.args[i];
    if (rest || !arg.startsWith('-') || arg === '-') {
      out.push(arg);
      continue;
    }
    if (arg === '--') {
      rest = true;
      continue;
    }
    const name = arg.startsWith('--') ? arg.slice(2) : arg.slice(1);
    if (valued.includes(name) && i + 1 < command.args.length) i++;
  }
  return out;
}

/** The first non-option argument: `apt-get -y install x` -> `install`. */
export function subcommand(command: ShellCommand, valued: string[] = []): string | undefined {
  return positionals(command, valued)[0];
}

const WRAPPERS = new Set(['sudo', 'env', 'nice', 'nohup', 'exec', 'command', 'builtin', 'time', 'xargs', 'doas', 'gosu', 'su-exec', 'chroot', 'stdbuf', 'timeout']);

/**
 * The command a wrapper runs: `sudo -E apt-get install x` -> `apt-get install x`.
 * Returns the command itself when it is not a wrapper.
 */
export function unwrap(command: ShellCommand): ShellCommand {
  let current = command;
  for (let depth = 0; depth < 4 && WRAPPERS.has(programName(current)); depth++) {
    const words = current.words.slice(1);
    let k = 0;
    const wrapper = programName(current);
    while (k < words.length) {
      const value = words[k].value;
      if (wrapper === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(value)) k++;
      else if (value.startsWith('-')) {
        // Options of sudo/timeout/gosu that take a value.
        if (['-u', '-g', '-C', '-n', '-s', '-k'].includes(value) && (wrapper === 'sudo' || wrapper === 'timeout' || wrapper === 'nice') && k + 1 < words.length) k++;
        k++;
      } else if ((wrapper === 'gosu' || wrapper === 'su-exec' || wrapper === 'chroot') && k === 0) k++;
      else if (wrapper === 'timeout' && /^\d/.test(value)) k++;
      else break;
    }
    const rest = words.slice(k);
    if (rest.length === 0) return current;
    current = { ...current, name: rest[0].value, args: rest.slice(1).map((w) => w.value), words: rest };
  }
  return current;
}
