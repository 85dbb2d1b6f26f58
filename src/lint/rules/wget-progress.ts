import type { Rule } from '../rule.js';
import { hasFlag, isProgram } from '../shell/index.js';
import { hitsPerRun } from './helpers.js';

export const rule: Rule = {
  id: 'HI306',
  slug: 'wget-progress',
  level: 'info',
  title: 'Avoid use of wget without progress bar',
  fix: 'Add `--progress=dot:giga` (or `-q` / `-nv`) to wget.',
  aliases: ['DL3047'],
  docs: "wget's default progress bar writes thousands of lines into the build log, hiding the output that matters.",
  check(model) {
    return hitsPerRun(model, (c) => isProgram(c, 'wget') && !c.args.includes('-nv') && !hasFlag(c, 'progress', 'q', 'quiet', 'nv', 'no-verbose', 'o', 'output-file', 'a', 'append-output') && !c.args.some((a) => /^-[a-zA-Z]*q/.test(a) && !a.startsWith('--')));
  },
};
