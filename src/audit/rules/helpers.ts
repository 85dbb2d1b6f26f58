import type { AuditView, FileEntry } from '../types.js';

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** "layer 3 (RUN npm ci)": how messages name a layer. */
export function layerLabel(image: AuditView, index: number): string {
  const createdBy = image.layers[index - 1]?.createdBy ?? '';
  const short = createdBy
    .replace(/^\/bin\/sh -c #\(nop\)\s*/, '')
    .replace(/^\/bin\/sh -c /, 'RUN ')
    .replace(/\s*# buildkit$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return short ? `layer ${index} (${short.length > 60 ? `${short.slice(0, 57)}...` : short})` : `layer ${index}`;
}

/** The configured user without group: "" means root. */
export function configUser(image: AuditView): string {
  return (image.config.User ?? '').trim();
}

export function isRegular(entry: FileEntry): boolean {
  return entry.type === 'file' || entry.type === 'hardlink';
}

export const BIN_DIRS = ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'];

export function inBinDir(path: string): boolean {
  return BIN_DIRS.includes(path.slice(0, path.lastIndexOf('/')));
}
