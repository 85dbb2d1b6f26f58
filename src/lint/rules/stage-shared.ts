import type { Rule, RuleHit } from '../rule.js';

/** Hits every second-or-later `keyword` instruction within one stage. */
export function oncePerStage(keyword: string): Rule['check'] {
  return (model) => {
    const hits: RuleHit[] = [];
    const seen = new Set<number>();
    for (const instr of model.instructions) {
      if (instr.keyword !== keyword || instr.onbuild) continue;
      if (seen.has(instr.stage)) hits.push({ line: instr.line, column: instr.column });
      seen.add(instr.stage);
    }
    return hits;
  };
}
