/** Where a known build secret is mounted and where it usually lives on the developer's machine. */
const KNOWN: Record<string, { target: string; src: string; what: string }> = {
  npmrc: { target: '/root/.npmrc', src: '$HOME/.npmrc', what: 'an .npmrc holding the registry token' },
  pipconf: { target: '/etc/pip.conf', src: '$HOME/.config/pip/pip.conf', what: 'a pip.conf with the private index and its credentials' },
  netrc: { target: '/root/.netrc', src: '$HOME/.netrc', what: 'a .netrc with the private index credentials' },
  'composer-auth': { target: '/tmp/auth.json', src: '$HOME/.composer/auth.json', what: "composer's auth.json" },
  gemrc: { target: '/root/.gem/credentials', src: '$HOME/.gem/credentials', what: 'RubyGems credentials' },
  'bundle-config': { target: '/usr/local/bundle/config', src: '$HOME/.bundle/config', what: 'a bundler config with BUNDLE_<HOST> credentials' },
  nugetconfig: { target: '/root/.nuget/NuGet/NuGet.Config', src: '$HOME/.nuget/NuGet/NuGet.Config', what: 'a NuGet.Config with the feed credentials' },
  'maven-settings': { target: '/root/.m2/settings.xml', src: '$HOME/.m2/settings.xml', what: 'a Maven settings.xml with repository credentials' },
  'cargo-credentials': { target: '/usr/local/cargo/credentials.toml', src: '$HOME/.cargo/credentials.toml', what: 'cargo registry credentials' },
};

export interface SecretPlan {
  id: string;
  /** The `--mount` flag for steps that install dependencies. */
  mount: string;
  /** Path on the developer's machine for the `docker build --secret` line. */
  src: string;
  what: string;
}

export function planSecret(id: string): SecretPlan {
  const known = KNOWN[id];
  if (known) return { id, mount: `--mount=type=secret,id=${id},target=${known.target}`, src: known.src, what: known.what };
  const variable = `${id.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_FILE`;
  return { id, mount: `--mount=type=secret,id=${id}`, src: `$${variable}`, what: `the secret "${id}" (read it from /run/secrets/${id} in the install step)` };
}

/**
 * Build secrets: the answers' ids plus those the repo shows a need for (an .npmrc that reads an
 * environment variable, a pip.conf or auth.json in the repo); order: answers first, then found.
 */
export function secretIds(declared: string[], repoFiles: string[], texts: Record<string, string> | undefined, language: string): string[] {
  const ids = [...declared];
  const npmrc = texts?.['.npmrc'];
  if (language === 'node' && npmrc !== undefined && /\$\{?[A-Z_]+\}?|_authToken|_auth\b/.test(npmrc)) ids.push('npmrc');
  if (language === 'php' && repoFiles.includes('auth.json')) ids.push('composer-auth');
  if (language === 'python' && (repoFiles.includes('pip.conf') || repoFiles.includes('.pypirc'))) ids.push('pipconf');
  return [...new Set(ids)];
}
