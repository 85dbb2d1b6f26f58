import type { Edit, Rule } from '../rule.js';
import type { Stage } from '../model.js';

/** Offset and text of the ` as ` keyword of a FROM, when its casing differs from FROM's. */
function mismatch(stage: Stage): { at: number; word: string } | null {
  if (!stage.name) return null;
  const raw = stage.from.raw;
  const match = /\s(as)\s+\S+\s*$/i.exec(raw);
  if (!match) return null;
  const word = match[1];
  const fromUpper = stage.from.written === stage.from.written.toUpperCase();
  const asUpper = word === word.toUpperCase();
  const asLower = word === word.toLowerCase();
  if ((fromUpper && asUpper) || (!fromUpper && asLower)) return null;
  return { at: stage.from.rawStart + match.index + 1, word };
}

export const rule: Rule = {
  id: 'HI109',
  slug: 'uppercase-as',
  level: 'style',
  title: "The 'as' keyword should match the case of the 'from' keyword",
  fix: 'Write `AS` in the same case as `FROM`.',
  aliases: ['FromAsCasing'],
  docs: 'Mixed casing in one instruction is legal but reads as a typo; BuildKit warns about it.',
  check(model) {
    return model.stages.filter((s) => mismatch(s)).map((s) => ({ line: s.from.line, column: s.from.column }));
  },
  fixer(model) {
    const edits: Edit[] = [];
    for (const stage of model.stages) {
      const m = mismatch(stage);
      if (!m) continue;
      const upper = stage.from.written === stage.from.written.toUpperCase();
      edits.push({ start: m.at, end: m.at + 2, text: upper ? 'AS' : 'as' });
    }
    return edits;
  },
};
