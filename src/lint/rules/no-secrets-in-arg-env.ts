import type { Rule, RuleHit } from '../rule.js';

const SECRET_WORDS = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'pwd', 'secret', 'token', 'passphrase']);
const HARMLESS = new Set(['public', 'file', 'path', 'dir', 'url', 'uri', 'id', 'name', 'type', 'length', 'size', 'endpoint', 'host', 'server', 'version', 'header', 'env', 'method', 'mode', 'algorithm', 'kind', 'format', 'fingerprint', 'keyring', 'keyserver', 'key_id', 'gpg', 'pgp', 'keys', 'location', 'usage', 'provider']);

/** Splits `NPM_AUTH_TOKEN`, `githubToken`, `api-key` into lower-case words. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_\-.]+/)
    .filter(Boolean);
}

export function looksSecret(name: string): boolean {
  const parts = words(name);
  const joined = parts.join('_');
  if (/(^|_)(api_?key|access_?key|secret_?key|private_?key|password|passwd|secret|token|credentials?)(_|$)/.test(joined) && !/(_|^)(file|path|dir)$/.test(joined)) return true;
  if (parts.some((p) => HARMLESS.has(p))) return false;
  if (parts.includes('key') && parts.length > 1 && parts[parts.length - 1] !== 'key') return false;
  return parts.some((p) => SECRET_WORDS.has(p)) || /api_?key|access_?key|private_?key|secret_?key/.test(parts.join('_'));
}

export const rule: Rule = {
  id: 'HI601',
  slug: 'no-secrets-in-arg-env',
  level: 'warning',
  title: 'Potentially sensitive data should not be used in the ARG or ENV commands',
  fix: 'Pass secrets with `RUN --mount=type=secret,id=<name>` at build time and as runtime environment, not ARG/ENV.',
  aliases: ['DL3064', 'DS-0031', 'SecretsUsedInArgOrEnv', 'CIS-DI-0010'],
  docs: 'ARG values are recorded in the image history and ENV values in its config: anyone who can pull the image can read them.',
  check(model) {
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'ARG' && instr.keyword !== 'ENV') continue;
      const secret = instr.properties.find((p) => looksSecret(p.name));
      if (secret) hits.push({ line: instr.line, column: instr.column, message: `Potentially sensitive data should not be used in the ARG or ENV commands: ${secret.name}` });
    }
    return hits;
  },
};
