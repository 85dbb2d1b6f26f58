import type { SystemPackageManager } from './types.js';

/** Package manager a base image ships, judged from its name; null when it has none (distroless, scratch). */
export function imagePackageManager(image: string): SystemPackageManager | null {
  const name = image.toLowerCase();
  if (name === 'scratch' || name.includes('distroless') || name.includes('chiseled') || name.includes('/static')) return null;
  if (name.includes('alpine')) return 'apk';
  if (/(ubi-?minimal|ubi\d+-minimal)/.test(name)) return 'microdnf';
  if (/(ubi|fedora|rockylinux|almalinux|centos|amazonlinux|oraclelinux)/.test(name)) return 'dnf';
  return 'apt';
}

/** The image has a POSIX shell (distroless `:debug` tags carry busybox). */
export function imageHasShell(image: string): boolean {
  const name = image.toLowerCase();
  if (name === 'scratch') return false;
  if (name.includes('distroless') || name.includes('chiseled')) return /:debug/.test(name);
  return true;
}

/** Packages with the same name on Debian, Alpine and Fedora-family images. */
const PORTABLE = new Set([
  'bash', 'ca-certificates', 'curl', 'file', 'git', 'gnupg', 'gzip', 'jq', 'less', 'make', 'openssl', 'patch', 'perl', 'rsync',
  'tar', 'tini', 'tzdata', 'unzip', 'wget', 'xz', 'zip', 'gcc', 'g++', 'ffmpeg', 'imagemagick', 'git-lfs', 'openssh-client', 'bzip2',
]);

export function portablePackage(name: string): boolean {
  return PORTABLE.has(name.replace(/[=<>].*$/, ''));
}

/** Packages that only build things: they belong in a build stage, never the final image. */
export function buildOnlyPackage(name: string): boolean {
  const bare = name.replace(/[=<>].*$/, '').toLowerCase();
  return (
    /-(dev|devel|headers)$/.test(bare) ||
    /^(build-essential|build-base|gcc|g\+\+|clang|make|cmake|autoconf|automake|libtool|pkg-config|pkgconf|pkgconfig|git|musl-dev|binutils|bison|flex|ninja-build|gfortran|rustc|cargo|golang|nasm|yasm)$/.test(bare)
  );
}

/** Install line in the hardened form for a package manager: no recommends, no caches or lists left. */
export function installLine(manager: SystemPackageManager, packages: string[]): string {
  const list = packages.join(' ');
  switch (manager) {
    case 'apt':
      return `RUN apt-get update \\\n && apt-get install -y --no-install-recommends ${list} \\\n && rm -rf /var/lib/apt/lists/*`;
    case 'apk':
      return `RUN apk add --no-cache ${list}`;
    case 'microdnf':
      return `RUN microdnf install -y --nodocs ${list} \\\n && microdnf clean all`;
    case 'zypper':
      return `RUN zypper --non-interactive install --no-recommends ${list} \\\n && zypper clean --all`;
    default:
      return `RUN ${manager} install -y --setopt=install_weak_deps=False ${list} \\\n && ${manager} clean all \\\n && rm -rf /var/cache/${manager}`;
  }
}
