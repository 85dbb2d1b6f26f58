import type { Rule, RuleHit } from '../rule.js';

export const rule: Rule = {
  id: 'HI705',
  slug: 'no-empty-continuation',
  level: 'warning',
  title: 'Empty continuation line',
  fix: 'Remove the empty line inside the continued instruction.',
  aliases: ['NoEmptyContinuation'],
  docs: 'An empty line after a trailing backslash is skipped today, but Docker has announced it will become an error; it also hides where an instruction ends.',
  check(model) {
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if (instr.onbuild || instr.line === instr.endLine) continue;
      for (let line = instr.line; line < instr.endLine; line++) {
        if (model.lines[line]?.trim() === '' && model.lines[line - 1]?.trimEnd().endsWith(model.escape)) {
          hits.push({ line: instr.line, column: instr.column });
          break;
        }
      }
    }
    return hits;
  },
};
