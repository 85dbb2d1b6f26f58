import type { Edit, Rule } from '../rule.js';
import type { DockerfileModel, Instr } from '../model.js';
import type { ShellCommand } from '../shell/index.js';
import { expandVariables, hitsPerRun, runCommands } from './helpers.js';
import { isPipInstall, mountsCacheAt, pipArgs } from './pm-shared.js';

const TRUTHY = /^(1|true|on|yes)$/i;

function cacheDisabledByEnv(model: DockerfileModel, instr: Instr, c: ShellCommand): boolean {
  const own = c.assignments.find((a) => a.startsWith('PIP_NO_CACHE_DIR='));
  if (own) return TRUTHY.test(own.slice('PIP_NO_CACHE_DIR='.length).replace(/^["']|["']$/g, ''));
  const exported = instr
    .shell()
    .commands.filter((x) => x.name === 'export' && x.words[0].start < c.words[0].start)
    .flatMap((x) => x.args)
    .filter((a) => a.startsWith('PIP_NO_CACHE_DIR='))
    .pop();
  if (exported) return TRUTHY.test(exported.slice('PIP_NO_CACHE_DIR='.length));
  return TRUTHY.test(expandVariables(model, instr, '${PIP_NO_CACHE_DIR}').replace(/^["']|["']$/g, ''));
}

function misses(model: DockerfileModel, c: ShellCommand, instr: Instr): boolean {
  if (!isPipInstall(c)) return false;
  const args = pipArgs(c) ?? [];
  if (args.includes('--no-cache-dir') || args.some((a) => a.startsWith('--no-cache-dir='))) return false;
  if (mountsCacheAt(instr, /\.cache(\/pip)?\/?$/)) return false;
  return !cacheDisabledByEnv(model, instr, c);
}

export const rule: Rule = {
  id: 'HI317',
  slug: 'pip-no-cache-dir',
  level: 'warning',
  title: 'Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`',
  fix: 'Add `--no-cache-dir` to `pip install` (or mount a cache with `RUN --mount=type=cache,target=/root/.cache/pip`).',
  aliases: ['DL3042'],
  docs: "pip's download and wheel cache stays in the layer: often hundreds of megabytes the app never reads.",
  check(model) {
    return hitsPerRun(model, (c, instr) => misses(model, c, instr));
  },
  fixer(model) {
    const edits: Edit[] = [];
    for (const { instr, command } of runCommands(model)) {
      if (!misses(model, command, instr) || command.nested) continue;
      const word = command.words.find((w, k) => k > 0 && w.value === 'install');
      if (word) edits.push({ start: instr.rawStart + word.end, end: instr.rawStart + word.end, text: ' --no-cache-dir' });
    }
    return edits;
  },
};
