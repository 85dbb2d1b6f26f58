import type { Rule, RuleHit } from '../rule.js';

function invalid(key: string): boolean {
  if (/^(com\.docker\.|io\.docker\.|org\.dockerproject\.)/.test(key)) return true;
  if (!/^[a-z]/.test(key) || !/[a-z0-9]$/.test(key)) return true;
  if (/[.-]{2}/.test(key)) return true;
  return !/^[a-z0-9.-]+$/.test(key);
}

export const rule: Rule = {
  id: 'HI605',
  slug: 'valid-label-keys',
  level: 'style',
  title: 'Invalid label key',
  fix: 'Use lower-case reverse-DNS label keys of letters, digits, `.` and `-` (e.g. `org.opencontainers.image.title`).',
  aliases: ['DL3048'],
  docs: "Docker's label guidelines reserve com.docker.*, io.docker.* and org.dockerproject.*, and expect lower-case alphanumerics separated by single dots or dashes, so tools can namespace labels.",
  check(model) {
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'LABEL') continue;
      const bad = instr.properties.find((p) => invalid(p.name.replace(/^"(.*)"$/, '$1')));
      if (bad) hits.push({ line: instr.line, column: instr.column, message: `Invalid label key: ${bad.name}` });
    }
    return hits;
  },
};
