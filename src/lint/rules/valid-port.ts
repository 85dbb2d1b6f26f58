import type { Rule, RuleHit } from '../rule.js';

export const rule: Rule = {
  id: 'HI337',
  slug: 'valid-port',
  level: 'error',
  title: 'Valid UNIX ports range from 0 to 65535',
  fix: 'Use a port number between 0 and 65535 in EXPOSE.',
  aliases: ['DL3011', 'DS-0008'],
  docs: 'A port outside 0-65535 cannot exist; the build fails or the metadata is wrong.',
  check(model) {
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'EXPOSE') continue;
      for (const arg of instr.args) {
        if (arg.includes('$')) continue;
        const ports = arg.replace(/\/(tcp|udp|sctp)$/i, '').split('-');
        if (ports.some((p) => /^\d+$/.test(p) && Number(p) > 65535)) {
          hits.push({ line: instr.line, column: instr.column, message: `Valid UNIX ports range from 0 to 65535: ${arg}` });
          break;
        }
      }
    }
    return hits;
  },
};
