/** Names and values that look like credentials (BuildKit's SecretsUsedInArgOrEnv words, plus common token shapes). */
const SECRET_WORDS = /(?:^|_)(?:apikey|api_key|auth|authtoken|credential|credentials|key|passphrase|password|passwd|pword|pwd|secret|token|private_key|access_key|client_secret)(?:_|$)/i;
/** Names that contain a secret word but hold no secret. */
const NOT_SECRET = /(?:^|_)(?:public|file|path|dir|url|host|port|user|username|name|id|type|version|header|length|size|enabled|mode|ttl|endpoint|region|algorithm)$|^(?:gpg_key|gpg_keys|key_id|keyserver)$/i;

const SECRET_VALUES: Array<[RegExp, string]> = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/\bAKIA[0-9A-Z]{16}\b/, 'an AWS access key id'],
  [/\bgh[pousr]_[A-Za-z0-9]{30,}\b/, 'a GitHub token'],
  [/\bgithub_pat_[A-Za-z0-9_]{30,}\b/, 'a GitHub token'],
  [/\bnpm_[A-Za-z0-9]{30,}\b/, 'an npm token'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}\b/, 'a Slack token'],
  [/\bsk_(?:live|test)_[A-Za-z0-9]{16,}\b/, 'a Stripe key'],
  [/\bglpat-[A-Za-z0-9_-]{20,}\b/, 'a GitLab token'],
  [/:\/\/[^/\s:@]+:[^/\s@$]+@/, 'a URL with a password'],
];

/** Why a variable looks like a secret, or null. */
export function secretReason(name: string, value: string | null): string | null {
  if (value) {
    for (const [pattern, what] of SECRET_VALUES) if (pattern.test(value)) return `its value looks like ${what}`;
  }
  const snake = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
  if (SECRET_WORDS.test(snake) && !NOT_SECRET.test(snake)) return `its name ${name} looks like a credential`;
  return null;
}

/** A BuildKit secret id for a variable: `NPM_TOKEN` -> `npm_token`. */
export function secretId(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_.-]/g, '_');
}
