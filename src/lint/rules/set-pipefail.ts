import type { Rule, RuleHit } from '../rule.js';

const POSIX_SHELLS = /(^|\/)(sh|bash|zsh|ash|dash|ksh|mksh)$/;
const PIPEFAIL_SHELLS = /(^|\/)(bash|zsh|ash|ksh|mksh)$/;

export const rule: Rule = {
  id: 'HI303',
  slug: 'set-pipefail',
  level: 'warning',
  title: 'Set the SHELL option -o pipefail before RUN with a pipe in it',
  fix: 'Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (or `set -o pipefail &&` in the RUN) before piping.',
  aliases: ['DL4006', 'DS-0032'],
  docs: 'Without pipefail only the last command of a pipe decides success: `curl ... | sh` passes even when the download failed, building a broken image.',
  check(model) {
    const hits: RuleHit[] = [];
    let pipefail = false;
    let posix = true;
    let stage = -2;
    for (const instr of model.instructions) {
      if (instr.stage !== stage) {
        stage = instr.stage;
        pipefail = false;
        posix = true;
      }
      if (instr.keyword === 'SHELL' && !instr.onbuild) {
        const argv = instr.exec ?? [];
        posix = argv.length === 0 || POSIX_SHELLS.test(argv[0]);
        pipefail = PIPEFAIL_SHELLS.test(argv[0] ?? '') && argv.some((a, k) => (a === '-o' && argv[k + 1] === 'pipefail') || /^-[a-z]*o$/.test(a) && argv[k + 1] === 'pipefail');
        continue;
      }
      if (instr.keyword !== 'RUN' || pipefail || !posix || instr.exec) continue;
      const script = instr.shell();
      if (!script.hasPipe) continue;
      const setsPipefail = script.commands.some((c) => c.name === 'set' && c.args.some((a, k) => a === 'pipefail' && /^-[a-zA-Z]*o$/.test(c.args[k - 1] ?? '')));
      if (!setsPipefail) hits.push({ line: instr.line, column: instr.column });
    }
    return hits;
  },
};
