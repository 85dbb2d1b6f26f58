import type { AuditHit, AuditRule } from '../types.js';

/** Above these an image is worth a look: a toolchain or cache likely slipped into the final stage. */
export const SIZE_LIMIT = 500 * 1000 * 1000;
export const LAYER_LIMIT = 30;

export function formatSize(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.round(bytes / 1e3)} kB`;
}

export const rule: AuditRule = {
  id: 'HI810',
  slug: 'keep-image-small',
  level: 'info',
  title: 'Large image or many layers',
  fix: 'Build in a separate stage and copy only the app and its runtime into a minimal final base; merge consecutive RUNs.',
  aliases: [],
  check(image) {
    const hits: AuditHit[] = [];
    if (image.size > SIZE_LIMIT) hits.push({ message: `the image is ${formatSize(image.size)} (more than ${formatSize(SIZE_LIMIT)})` });
    if (image.layers.length > LAYER_LIMIT) hits.push({ message: `the image has ${image.layers.length} layers (more than ${LAYER_LIMIT})` });
    return hits;
  },
};
