import type { Rule, RuleHit } from '../rule.js';
import { isProgram } from '../shell/index.js';

export const rule: Rule = {
  id: 'HI305',
  slug: 'use-one-downloader',
  level: 'warning',
  title: 'Either use Wget or Curl but not both',
  fix: 'Use one download tool (curl or wget) throughout the stage.',
  aliases: ['DL4001', 'DS-0014'],
  docs: 'Installing both tools doubles the attack surface and the image size for the same job.',
  check(model) {
    const hits: RuleHit[] = [];
    const used = new Map<number, Set<string>>();
    for (const instr of model.instructions) {
      if (instr.keyword !== 'RUN') continue;
      const tools = used.get(instr.stage) ?? new Set<string>();
      used.set(instr.stage, tools);
      for (const c of instr.shell().commands) {
        if (isProgram(c, 'curl')) tools.add('curl');
        if (isProgram(c, 'wget')) tools.add('wget');
      }
    }
    for (const instr of model.instructions) {
      if (instr.keyword !== 'RUN' || (used.get(instr.stage)?.size ?? 0) < 2) continue;
      if (instr.shell().commands.some((c) => isProgram(c, 'curl', 'wget'))) hits.push({ line: instr.line, column: instr.column });
    }
    return hits;
  },
};
