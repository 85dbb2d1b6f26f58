import type { AuditRule } from '../types.js';
import { basename, inBinDir } from './helpers.js';

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'busybox', 'toybox']);
const PACKAGE_MANAGERS = new Set(['apt', 'apt-get', 'dpkg', 'apk', 'yum', 'dnf', 'microdnf', 'rpm', 'zypper', 'pip', 'pip3', 'npm', 'npx', 'yarn', 'pnpm', 'gem', 'curl', 'wget']);

export const rule: AuditRule = {
  id: 'HI807',
  slug: 'no-shell-in-distroless',
  level: 'warning',
  title: 'A shell or package manager in a distroless image',
  fix: 'Copy only the app and its runtime into the distroless final stage; leave shells, package managers and download tools in the build stages.',
  aliases: ['CIS-DI-0003'],
  check(image) {
    if (!image.distrolessIntended) return [];
    const hits = [];
    for (const [path, { entry, layer }] of image.final) {
      if (entry.type === 'dir' || !inBinDir(path)) continue;
      const name = basename(path);
      const kind = SHELLS.has(name) ? 'a shell' : PACKAGE_MANAGERS.has(name) ? (name === 'curl' || name === 'wget' ? 'a download tool' : 'a package manager') : null;
      if (kind) hits.push({ message: `${path} is ${kind}, in an image meant to be distroless (${image.distrolessReason})`, path, layer });
    }
    return hits;
  },
};
