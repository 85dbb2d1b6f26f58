import type { AuditRule } from '../types.js';
import { isRegular } from './helpers.js';

export const rule: AuditRule = {
  id: 'HI803',
  slug: 'no-setuid-files',
  level: 'warning',
  title: 'setuid or setgid files',
  fix: 'Remove the setuid/setgid bits in the final stage (`RUN chmod a-s <file>`) or use a base without them (distroless).',
  aliases: ['CIS-DI-0008'],
  check(image) {
    const hits = [];
    for (const [path, { entry, layer }] of image.final) {
      if (!isRegular(entry) || (entry.mode & 0o6000) === 0) continue;
      const bits = [entry.mode & 0o4000 ? 'setuid' : '', entry.mode & 0o2000 ? 'setgid' : ''].filter(Boolean).join('+');
      hits.push({ message: `${path} is ${bits} (mode ${(entry.mode & 0o7777).toString(8)}): it runs with its owner's rights whoever starts it`, path, layer, fix: `Add \`RUN chmod a-s ${path}\` to the final stage, or remove the file.` });
    }
    return hits;
  },
};
