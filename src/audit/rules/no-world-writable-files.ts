import type { AuditRule } from '../types.js';

const TEMP_DIRS = ['/tmp', '/var/tmp', '/dev/shm', '/run/lock', '/var/lock'];

/** The engine mounts its own /dev, /proc and /sys over whatever the image holds there. */
const RUNTIME_MOUNTS = ['/dev', '/proc', '/sys'];

function isTemp(path: string): boolean {
  return [...TEMP_DIRS, ...RUNTIME_MOUNTS].some((dir) => path === dir || path.startsWith(`${dir}/`));
}

export const rule: AuditRule = {
  id: 'HI804',
  slug: 'no-world-writable-files',
  level: 'warning',
  title: 'World-writable files outside temporary directories',
  fix: 'Drop the world-write bit (`chmod o-w`) and own writable directories by the app user instead.',
  aliases: [],
  check(image) {
    const hits = [];
    for (const [path, { entry, layer }] of image.final) {
      if (entry.type === 'symlink' || entry.type === 'other' || (entry.mode & 0o002) === 0 || isTemp(path)) continue;
      // A sticky world-writable directory is a deliberate scratch space (like /tmp).
      if (entry.type === 'dir' && entry.mode & 0o1000) continue;
      hits.push({ message: `${path} is world-writable (mode ${(entry.mode & 0o7777).toString(8)}): any user in the container can change it`, path, layer, fix: `Run \`chmod o-w ${path}\` in the stage that creates it.` });
    }
    return hits;
  },
};
