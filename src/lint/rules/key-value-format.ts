import type { Edit, Rule } from '../rule.js';
import type { DockerfileModel, Instr } from '../model.js';

function legacy(instr: Instr): boolean {
  return (instr.keyword === 'ENV' || instr.keyword === 'LABEL') && instr.properties.length === 1 && instr.properties[0].operator === null && instr.properties[0].value !== null;
}

function offending(model: DockerfileModel): Instr[] {
  return model.instructions.filter(legacy);
}

export const rule: Rule = {
  id: 'HI603',
  slug: 'key-value-format',
  level: 'warning',
  title: 'Legacy key/value format with whitespace separator should not be used',
  fix: 'Write `ENV key=value` (with `=`), quoting values that contain spaces.',
  aliases: ['LegacyKeyValueFormat'],
  docs: '`ENV key value` sets one variable whose value is the rest of the line; `ENV a b=c` then surprises. The `key=value` form is unambiguous and allows several pairs.',
  check(model) {
    return offending(model).map((i) => ({ line: i.line, column: i.column }));
  },
  fixer(model) {
    const edits: Edit[] = [];
    for (const instr of offending(model)) {
      if (instr.line !== instr.endLine || instr.onbuild) continue;
      const match = /^(\S+)\s+(.*?)\s*$/.exec(instr.raw);
      if (!match) continue;
      const [, key, value] = match;
      const quoted = /^".*"$|^'.*'$/.test(value) || !/[\s"'\\]/.test(value) ? value : `"${value.replace(/(["\\$`])/g, '\\$1').replace(/\\\$/g, '$')}"`;
      const trimmed = instr.raw.replace(/\s+$/, '');
      edits.push({ start: instr.rawStart, end: instr.rawStart + trimmed.length, text: `${key}=${quoted}` });
    }
    return edits;
  },
};
