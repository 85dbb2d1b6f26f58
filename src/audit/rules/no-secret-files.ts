import type { AuditHit, AuditRule } from '../types.js';
import { secretFile } from '../secrets.js';
import { layerLabel } from './helpers.js';

export const rule: AuditRule = {
  id: 'HI806',
  slug: 'no-secret-files',
  level: 'error',
  title: 'Secret files in a layer',
  fix: 'Keep it out of the build context with .dockerignore and mount it only where needed with `RUN --mount=type=secret`; deleting it in a later step does not remove it from the image.',
  aliases: ['CIS-DI-0010'],
  check(image) {
    const hits: AuditHit[] = [];
    const seen = new Set<string>();
    for (const layer of image.layers) {
      for (const entry of layer.files) {
        // Report a .git directory once, not each file in it.
        if (/\/\.git\//.test(entry.path)) continue;
        const found = secretFile(entry.path, entry.content);
        if (!found) continue;
        const key = `${entry.path}@${layer.index}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const final = image.final.get(entry.path);
        const stillThere = final !== undefined && final.layer === layer.index;
        const where = layerLabel(image, layer.index);
        const message = stillThere
          ? `${entry.path} is ${found.why}, added in ${where}`
          : `${entry.path} is ${found.why}, added in ${where} and removed or replaced later, yet still readable from that layer`;
        if (found.kind === 'repository') {
          hits.push({ message, path: entry.path, layer: layer.index, level: 'warning', aliases: ['DKL-LI-0003'], fix: 'Add `.git` to .dockerignore; pass the revision as a build arg instead.' });
        } else {
          hits.push({ message, path: entry.path, layer: layer.index });
        }
      }
    }
    return hits;
  },
};
