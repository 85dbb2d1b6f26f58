import type { Rule } from '../rule.js';
import { CONTACT_LABEL, CONTACT_URI, SECURITYTXT_LABEL, SECURITYTXT_URL } from '../../securitytxt/labels.js';
import { finalStage } from './helpers.js';
import { finalLabels } from './label-shared.js';

export const rule: Rule = {
  id: 'HI616',
  slug: 'add-securitytxt-label',
  level: 'info',
  title: 'The image names no security contact (a valid `securitytxt` or `security.contact` label)',
  fix: 'Add `LABEL securitytxt="https://<your site>/.well-known/security.txt"` to the final stage, or `security.contact="mailto:security@<your domain>"` until security.txt is served.',
  aliases: [],
  docs: 'The `securitytxt` label points whoever finds a vulnerability in the image to the RFC 9116 security.txt that says how to report it; it must be an https URL. An image whose security.txt has no public URL yet can carry its Contact instead, in a `security.contact` label (a mailto:, https: or tel: URI).',
  check(model) {
    const stage = finalStage(model);
    if (!stage) return [];
    const labels = finalLabels(model);
    const securitytxt = labels.filter((l) => l.name === SECURITYTXT_LABEL).pop();
    if (securitytxt && !securitytxt.value.includes('$') && !SECURITYTXT_URL.test(securitytxt.value)) {
      return [{ line: securitytxt.instr.line, column: securitytxt.instr.column, message: `The securitytxt label must be the https URL of a security.txt, not "${securitytxt.value}"` }];
    }
    const contact = labels.filter((l) => l.name === CONTACT_LABEL).pop();
    if (contact && !contact.value.includes('$') && !CONTACT_URI.test(contact.value)) {
      return [{ line: contact.instr.line, column: contact.instr.column, message: `The security.contact label must be a mailto:, https: or tel: URI, not "${contact.value}"` }];
    }
    return securitytxt || contact ? [] : [{ line: stage.from.line, column: stage.from.column }];
  },
};
