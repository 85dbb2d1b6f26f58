// What looks like a secret: names and values of environment variables, and files. Pure.

const SECRET_KEY = /(^|[_.-])(pass(word|wd)?|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|credentials?|auth)([_.-]|$)/i;
/** Keys that name where a secret is, not the secret itself. */
const POINTER_KEY = /(_FILE|_PATH|_DIR|_URL_FILE)$/i;

const SECRET_VALUES: { name: string; pattern: RegExp }[] = [
  { name: 'a GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{30,}\b/ },
  { name: 'a GitHub fine-grained token', pattern: /\bgithub_pat_[A-Za-z0-9_]{40,}\b/ },
  { name: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{30,}\b/ },
  { name: 'an AWS access key id', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: 'a Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { name: 'a Stripe live key', pattern: /\b[rs]k_live_[A-Za-z0-9]{16,}/ },
  { name: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { name: 'a private key', pattern: /-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/ },
  { name: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
  { name: 'credentials in a URL', pattern: /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i },
];

/** Why an ENV entry looks secret, or null. */
export function secretEnv(key: string, value: string): string | null {
  for (const { name, pattern } of SECRET_VALUES) if (pattern.test(value)) return `its value looks like ${name}`;
  if (value !== '' && SECRET_KEY.test(key) && !POINTER_KEY.test(key)) return 'its name says it holds a secret';
  return null;
}

export type SecretFileKind = 'secret' | 'repository';

const ENV_TEMPLATE = /\.(example|sample|template|dist|defaults?)$/i;
const SSH_KEYS = new Set(['id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'id_ecdsa_sk', 'id_ed25519_sk']);

/** Why a file looks like a secret (content read for small candidates), or null. */
export function secretFile(path: string, content: string | undefined): { kind: SecretFileKind; why: string } | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base === '.git') return { kind: 'repository', why: 'a git repository (history, remotes, maybe credentials)' };
  if ((base === '.env' || base.startsWith('.env.')) && !ENV_TEMPLATE.test(base)) return { kind: 'secret', why: 'an environment file' };
  if (SSH_KEYS.has(base)) return { kind: 'secret', why: 'an SSH private key' };
  if (base === '.git-credentials') return { kind: 'secret', why: 'git credentials' };
  if (path.endsWith('/.aws/credentials')) return { kind: 'secret', why: 'AWS credentials' };
  if (base === '.npmrc' && content !== undefined && /(_authToken|_auth|_password)\s*=\s*\S/.test(content)) return { kind: 'secret', why: 'an .npmrc with a registry token' };
  if (base === '.pypirc' && content !== undefined && /^\s*password\s*[=:]\s*\S/m.test(content)) return { kind: 'secret', why: 'a .pypirc with a password' };
  if (base === '.netrc' && content !== undefined && /\bpassword\s+\S/.test(content)) return { kind: 'secret', why: 'a .netrc with a password' };
  if (path.endsWith('/.docker/config.json') && content !== undefined && /"auth"\s*:\s*"[^"]+"/.test(content)) return { kind: 'secret', why: 'Docker registry credentials' };
  if (/\.(pem|key|p8)$/i.test(base) && content !== undefined && /-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/.test(content)) return { kind: 'secret', why: 'a private key' };
  if (/\.json$/i.test(base) && content !== undefined && /"type"\s*:\s*"service_account"/.test(content) && /"private_key"/.test(content)) return { kind: 'secret', why: 'a cloud service-account key' };
  if (/\.(p12|pfx|jks|keystore)$/i.test(base)) return { kind: 'secret', why: 'a key store' };
  return null;
}

/** Small files whose content the audit reads while streaming the layers. */
export function wantsContent(path: string, size: number): boolean {
  if (size > 64 * 1024) return false;
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (path === '/etc/passwd' || path === '/etc/shadow' || path === '/etc/group' || path === '/etc/os-release' || path === '/usr/lib/os-release') return true;
  if (['.npmrc', '.pypirc', '.netrc'].includes(base) || path.endsWith('/.docker/config.json')) return true;
  if (/\.(pem|key|p8)$/i.test(base)) return true;
  return /\.json$/i.test(base) && /(credential|service[-_]?account|key)/i.test(base);
}
