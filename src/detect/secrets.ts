import type { BuildSecretNeed, RepoSnapshot } from './types.js';

const NOT_SECRET = /\.(example|sample|template|dist|defaults?)$|\.(example|sample|template)\./i;
const SECRET_NAMES = [
  /^\.env(\..+)?$/,
  /\.(pem|key|p12|pfx|jks|keystore|ppk|asc|gpg)$/i,
  /^id_(rsa|dsa|ecdsa|ed25519)$/,
  /^credentials(\.json|\.ya?ml|\.xml)?$/i,
  /^\.(netrc|pgpass|git-credentials|htpasswd)$/,
  /^(secrets?|service-account)[\w.-]*\.(json|ya?ml|toml)$/i,
  /^auth\.json$/,
  /\.tfvars$/,
];

/** True for a file name that usually holds a secret (`.env`, `*.pem`, `id_rsa`, `credentials.json`, ...). */
export function isSecretFileName(name: string): boolean {
  if (NOT_SECRET.test(name)) return false;
  return SECRET_NAMES.some((re) => re.test(name));
}

/**
 * Secret-looking files in the repository, including ones .gitignore hides (they still reach a
 * Docker build context unless .dockerignore excludes them). Repo-relative, sorted.
 */
export function findSecretFiles(snapshot: RepoSnapshot): string[] {
  const hits = [...snapshot.files, ...snapshot.ignoredFiles].filter((file) => {
    const name = file.slice(file.lastIndexOf('/') + 1);
    if (isSecretFileName(name)) return true;
    return /(^|\/)\.(aws|docker|ssh|kube)\/(credentials|config\.json|config)$/.test(file) && !file.startsWith('.github/');
  });
  return [...new Set(hits)].sort();
}

const ENV_REFERENCE = /\$\{?([A-Z][A-Z0-9_]*)\}?/;

/**
 * Build-time secrets the app's package manager config asks for: an `.npmrc` or `.yarnrc.yml` that
 * reads a token from the environment (a private registry), a pip index URL with credentials.
 */
export function needsBuildSecrets(snapshot: RepoSnapshot, appPath = '.'): BuildSecretNeed[] {
  const dir = appPath.replace(/^\.\/?/, '').replace(/\/+$/, '');
  const candidates = (name: string) => [...new Set([dir ? `${dir}/${name}` : name, name])];
  const needs: BuildSecretNeed[] = [];
  const listed = new Set(snapshot.files);
  const add = (need: BuildSecretNeed) => {
    if (!needs.some((n) => n.id === need.id)) needs.push(need);
  };
  for (const file of candidates('.npmrc')) {
    if (!listed.has(file)) continue;
    const text = snapshot.read(file, 64 * 1024) ?? '';
    const line = text.split('\n').find((l) => /(_authToken|_auth|_password|token)\s*=/i.test(l) && ENV_REFERENCE.test(l));
    if (line) add({ id: 'npmrc', reason: `.npmrc reads \${${ENV_REFERENCE.exec(line)![1]}} for a private registry: mount it as a BuildKit secret, never an ARG`, file });
    else if (/_authToken\s*=\s*\S/.test(text)) add({ id: 'npmrc', reason: '.npmrc holds a registry token: mount it as a BuildKit secret and keep it out of the image', file });
  }
  for (const file of candidates('.yarnrc.yml')) {
    if (!listed.has(file)) continue;
    const line = (snapshot.read(file, 64 * 1024) ?? '').split('\n').find((l) => /npmAuth(Token|Ident)\s*:/.test(l) && ENV_REFERENCE.test(l));
    if (line) add({ id: 'yarnrc', reason: `.yarnrc.yml reads \${${ENV_REFERENCE.exec(line)![1]}} for a private registry: mount it as a BuildKit secret`, file });
  }
  for (const name of ['requirements.txt', 'pip.conf']) {
    for (const file of candidates(name)) {
      if (!listed.has(file)) continue;
      const line = (snapshot.read(file, 64 * 1024) ?? '').split('\n').find((l) => /index-url/.test(l) && /https?:\/\/[^\s/]*\$\{?[A-Z]/.test(l));
      if (line) add({ id: 'pip-index', reason: `${name} uses a package index URL with credentials from the environment: mount them as a BuildKit secret`, file });
    }
  }
  return needs;
}
