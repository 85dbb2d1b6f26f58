import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'HI103',
  slug: 'pin-base-image-digest',
  level: 'info',
  title: 'Base image is not pinned by digest',
  fix: 'Pin the base image by digest: `FROM name:tag@sha256:<digest>`.',
  aliases: [],
  docs: 'A tag can be moved to other content at any time (by the publisher or by whoever controls the registry). A `@sha256:` digest names exactly one image, so builds are reproducible and a tampered tag cannot slip in. Keep the tag next to it for readers and update tools.',
  check(model) {
    const names = new Set<string>();
    const hits = [];
    for (const stage of model.stages) {
      const ref = stage.image.toLowerCase();
      if (ref && ref !== 'scratch' && !names.has(ref) && !stage.image.includes('$') && !stage.digest && !stage.image.includes('@sha256:')) {
        hits.push({ line: stage.from.line, column: stage.from.column, message: `Base image ${stage.image} is not pinned by digest` });
      }
      if (stage.name) names.add(stage.name);
    }
    return hits;
  },
};
