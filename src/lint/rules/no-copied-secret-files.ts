import type { Rule, RuleHit } from '../rule.js';
import { copyPaths, flagValue } from './copy-shared.js';

const SECRET_FILES = [
  /(^|\/)\.env(\.[\w.-]+)?$/,
  /(^|\/)id_(rsa|dsa|ecdsa|ed25519)$/,
  /\.(pem|key|p12|pfx|jks|keystore|ppk|asc|gpg)$/i,
  /(^|\/)\.npmrc$/,
  /(^|\/)\.pypirc$/,
  /(^|\/)\.netrc$/,
  /(^|\/)\.git-credentials$/,
  /(^|\/)\.aws(\/credentials)?\/?$/,
  /(^|\/)\.ssh\/?$/,
  /(^|\/)\.docker\/config\.json$/,
  /(^|\/)credentials(\.json)?$/,
  /(^|\/)secrets?\.(json|ya?ml|env|txt)$/i,
  /(^|\/)\.htpasswd$/,
];

export const rule: Rule = {
  id: 'HI408',
  slug: 'no-copied-secret-files',
  level: 'error',
  title: 'A secret file is copied into the image',
  fix: 'Do not copy secret files: use `RUN --mount=type=secret,id=...` at build time and runtime secrets after, and list the file in .dockerignore.',
  aliases: ['DS-0031', 'CIS-DI-0010'],
  docs: 'Anything COPYed stays in a layer forever, even if a later RUN deletes it; anyone who can pull the image can read the key.',
  check(model) {
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || flagValue(instr, 'from') !== null) continue;
      const secret = copyPaths(instr).sources.find((s) => SECRET_FILES.some((p) => p.test(s.replace(/^["']|["']$/g, ''))));
      if (secret) hits.push({ line: instr.line, column: instr.column, message: `The secret file ${secret} is copied into the image` });
    }
    return hits;
  },
};
