import type { Rule, RuleHit } from '../rule.js';

export const rule: Rule = {
  id: 'HI602',
  slug: 'env-self-reference',
  level: 'error',
  title: 'Do not refer to an environment variable within the same `ENV` statement where it is defined',
  fix: 'Split the ENV into two instructions so the second can use the first.',
  aliases: ['DL3044'],
  docs: 'Variables in one ENV are expanded with the values from before it, so `ENV A=1 B=$A` sets B to the old A (usually empty).',
  check(model) {
    const hits: RuleHit[] = [];
    const defined = new Map<number, Set<string>>();
    for (const instr of model.instructions) {
      const scope = defined.get(instr.stage) ?? new Set<string>(instr.stage >= 0 ? [] : []);
      defined.set(instr.stage, scope);
      if (instr.keyword === 'ARG') for (const p of instr.properties) scope.add(p.name);
      if (instr.keyword !== 'ENV') continue;
      const here: string[] = [];
      let hit = false;
      for (const p of instr.properties) {
        const value = p.value ?? '';
        for (const m of value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
          if (here.includes(m[1]) && !scope.has(m[1])) hit = true;
        }
        here.push(p.name);
      }
      if (hit) hits.push({ line: instr.line, column: instr.column });
      for (const name of here) scope.add(name);
    }
    return hits;
  },
};
