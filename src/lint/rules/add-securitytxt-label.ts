import type { Rule } from '../rule.js';
import { finalStage } from './helpers.js';
import { finalLabels } from './label-shared.js';

export const rule: Rule = {
  id: 'HI616',
  slug: 'add-securitytxt-label',
  level: 'info',
  title: 'The image has no valid `securitytxt` label',
  fix: 'Add `LABEL securitytxt="https://<your site>/.well-known/security.txt"` to the final stage.',
  aliases: [],
  docs: 'The `securitytxt` label points whoever finds a vulnerability in the image to the RFC 9116 security.txt that says how to report it. It must be an https URL.',
  check(model) {
    const stage = finalStage(model);
    if (!stage) return [];
    const label = finalLabels(model).filter((l) => l.name === 'securitytxt').pop();
    if (!label) return [{ line: stage.from.line, column: stage.from.column }];
    if (!label.value.includes('$') && !/^https:\/\/[^\s/]+\/\S*security\.txt$/.test(label.value)) {
      return [{ line: label.instr.line, column: label.instr.column, message: `The securitytxt label must be the https URL of a security.txt, not "${label.value}"` }];
    }
    return [];
  },
};
