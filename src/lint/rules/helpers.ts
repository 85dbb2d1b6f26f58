// Shared readers for rules: RUN commands, stages, package-manager invocations.
import type { DockerfileModel, Instr, Stage } from '../model.js';
import type { Edit, RuleHit } from '../rule.js';
import { flagNames, isProgram, positionals, programName, subcommand, type ShellCommand } from '../shell/index.js';

export interface RunCommand {
  instr: Instr;
  command: ShellCommand;
}

/** Every simple command of every RUN (ONBUILD triggers included). */
export function runCommands(model: DockerfileModel): RunCommand[] {
  const out: RunCommand[] = [];
  for (const instr of model.instructions) {
    if (instr.keyword !== 'RUN') continue;
    for (const command of instr.shell().commands) out.push({ instr, command });
  }
  return out;
}

export function runInstructions(model: DockerfileModel): Instr[] {
  return model.instructions.filter((i) => i.keyword === 'RUN');
}

/** One hit per RUN instruction whose commands match. */
export function hitsPerRun(model: DockerfileModel, matches: (command: ShellCommand, instr: Instr) => boolean, message?: (command: ShellCommand) => string): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const instr of runInstructions(model)) {
    const found = instr.shell().commands.find((c) => matches(c, instr));
    if (found) hits.push({ line: instr.line, column: instr.column, message: message?.(found) });
  }
  return hits;
}

/** The stage ships: it is the final stage, or a later stage is built FROM it. ONBUILD triggers always count. */
export function shipsOrIsBase(model: DockerfileModel, instr: Instr): boolean {
  if (instr.onbuild || instr.stage < 0) return true;
  if (instr.stage === model.stages.length - 1) return true;
  const name = model.stages[instr.stage]?.name;
  return name !== null && name !== undefined && model.stages.some((s) => s.index > instr.stage && s.image.toLowerCase() === name);
}

/** Index of the last command matching `install`, and whether a `clean` command follows it. */
export function cleanedAfter(commands: ShellCommand[], install: (c: ShellCommand) => boolean, clean: (c: ShellCommand) => boolean): boolean | null {
  let last = -1;
  commands.forEach((c, k) => {
    if (install(c)) last = k;
  });
  if (last < 0) return null;
  return commands.slice(last + 1).some(clean);
}

/**
 * Expands `$name`/`${name}` in `text` with values from ARGs anywhere in the file and ENVs of the
 * instruction's stage (and the stages it is built FROM). Unknown names stay as written.
 */
export function expandVariables(model: DockerfileModel, instr: Instr, text: string): string {
  const values = new Map<string, string>();
  for (const i of model.instructions) if (i.keyword === 'ARG') for (const p of i.properties) if (p.value) values.set(p.name, p.value);
  for (const i of model.instructions) if (i.stage === -1 && i.keyword === 'ENV') for (const p of i.properties) values.set(p.name, p.value ?? '');
  const chain: number[] = [];
  for (let index = instr.stage, depth = 0; index >= 0 && depth < 10; depth++) {
    chain.unshift(index);
    const stage = model.stages[index];
    const parent = model.stages.find((s) => s.name !== null && s.name === stage.image.toLowerCase() && s.index < index);
    index = parent ? parent.index : -1;
  }
  for (const index of chain) for (const i of model.stages[index].instructions) if (i.keyword === 'ENV' && i.line < instr.line + (index === instr.stage ? 0 : Infinity)) for (const p of i.properties) values.set(p.name, p.value ?? '');
  return text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (whole, name: string) => values.get(name) ?? whole);
}

export function finalStage(model: DockerfileModel): Stage | undefined {
  return model.stages[model.stages.length - 1];
}

/** `apt-get install ...` and friends: the program is one of `programs` and its subcommand one of `subs`. */
export function isInvocation(command: ShellCommand, programs: string[], subs: string[], valued: string[] = []): boolean {
  return isProgram(command, ...programs) && subs.includes(subcommand(command, valued) ?? '');
}

/** Packages named after the subcommand (options and their values skipped). */
export function packageArgs(command: ShellCommand, valued: string[] = []): string[] {
  return positionals(command, valued).slice(1);
}

export function hasAnyFlag(command: ShellCommand, names: string[]): boolean {
  const given = flagNames(command);
  return names.some((n) => given.includes(n));
}

/** An edit inserting `text` right after the command's subcommand word. */
export function insertAfterSubcommand(instr: Instr, command: ShellCommand, text: string, valued: string[] = []): Edit | null {
  const sub = subcommand(command, valued);
  const word = command.words.slice(1).find((w) => w.value === sub);
  if (!word) return null;
  return { start: instr.rawStart + word.end, end: instr.rawStart + word.end, text: ` ${text}` };
}

/** An edit appending `text` (e.g. ` && apt-get clean`) at the end of a RUN's shell form. */
export function appendToRun(instr: Instr, text: string): Edit | null {
  if (instr.exec || instr.onbuild) return null;
  const trimmed = instr.raw.replace(/\s+$/, '');
  if (trimmed.endsWith('\\') || trimmed.endsWith('&') || trimmed.endsWith('|') || trimmed.endsWith(';')) return null;
  const at = instr.rawStart + trimmed.length;
  return { start: at, end: at, text };
}

export { programName };
