// Recognising package-manager invocations shared by several rules.
import type { Instr } from '../model.js';
import { isProgram, positionals, programName, type ShellCommand } from '../shell/index.js';

/** `pip install ...`, `pip3.12 install`, `python -m pip install`: the pip arguments (from the subcommand on), or null. */
export function pipArgs(c: ShellCommand): string[] | null {
  const name = programName(c);
  if (/^pip(\d+(\.\d+)?)?$/.test(name)) return c.args;
  if (/^python(\d+(\.\d+)?)?$/.test(name)) {
    const m = c.args.indexOf('-m');
    if (m >= 0 && c.args[m + 1] === 'pip') return c.args.slice(m + 2);
  }
  return null;
}

export const PIP_VALUED = ['root-user-action', 'r', 'requirement', 'c', 'constraint', 'e', 'editable', 't', 'target', 'i', 'index-url', 'extra-index-url', 'f', 'find-links', 'prefix', 'root', 'src', 'platform', 'python-version', 'implementation', 'abi', 'trusted-host', 'progress-bar', 'upgrade-strategy', 'cache-dir', 'log', 'proxy', 'retries', 'timeout', 'exists-action', 'cert', 'client-cert', 'global-option', 'install-option', 'config-settings', 'C', 'only-binary', 'no-binary'];

export function isPipInstall(c: ShellCommand): boolean {
  const args = pipArgs(c);
  if (!args) return false;
  const pseudo = { ...c, args };
  return positionals(pseudo, PIP_VALUED)[0] === 'install';
}

/** A RUN mount that caches or hides `target` (e.g. `--mount=type=cache,target=/root/.cache/pip`). */
export function mountsCacheAt(instr: Instr, target: RegExp): boolean {
  return instr.flags.some((f) => f.name === 'mount' && /type=(cache|tmpfs)/.test(f.value ?? '') && (f.value ?? '').split(',').some((part) => /^(target|dst|destination)=/.test(part) && target.test(part.split('=')[1])));
}

export function isCommandIn(c: ShellCommand, programs: string[], sub: string[]): boolean {
  return isProgram(c, ...programs) && sub.includes(positionals(c)[0] ?? '');
}
