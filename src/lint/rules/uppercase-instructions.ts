import type { Edit, Rule } from '../rule.js';
import type { DockerfileModel } from '../model.js';
import { KEYWORDS } from '../model.js';

function inconsistent(model: DockerfileModel) {
  const top = model.instructions.filter((i) => !i.onbuild && KEYWORDS.has(i.keyword));
  const lower = top.filter((i) => i.written === i.written.toLowerCase()).length;
  const upper = top.filter((i) => i.written === i.written.toUpperCase()).length;
  const majorityLower = lower > upper;
  return top.filter((i) => (majorityLower ? i.written !== i.written.toLowerCase() : i.written !== i.written.toUpperCase()));
}

export const rule: Rule = {
  id: 'HI704',
  slug: 'uppercase-instructions',
  level: 'style',
  title: 'Instructions should be in consistent casing',
  fix: 'Write every instruction keyword in upper case (or every one in lower case).',
  aliases: ['ConsistentInstructionCasing'],
  docs: 'Keywords are case-insensitive, but mixing cases makes a Dockerfile harder to scan; upper case is the convention.',
  check(model) {
    return inconsistent(model).map((i) => ({ line: i.line, column: i.column, message: `Instruction "${i.written}" should match the casing of the others` }));
  },
  fixer(model) {
    const top = model.instructions.filter((i) => !i.onbuild && KEYWORDS.has(i.keyword));
    const lower = top.filter((i) => i.written === i.written.toLowerCase()).length > top.filter((i) => i.written === i.written.toUpperCase()).length;
    return inconsistent(model).map((i): Edit => {
      const start = i.start + i.column - 1;
      return { start, end: start + i.written.length, text: lower ? i.written.toLowerCase() : i.written.toUpperCase() };
    });
  },
};
