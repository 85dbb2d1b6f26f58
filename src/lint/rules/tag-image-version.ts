import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'HI101',
  slug: 'tag-image-version',
  level: 'warning',
  title: 'Always tag the version of an image explicitly',
  fix: 'Add an explicit version tag to the image in FROM (e.g. `node:22.21.1-bookworm-slim`).',
  aliases: ['DL3006'],
  docs: 'An untagged FROM means `latest`, which changes under you: builds stop being reproducible and a new base can break or weaken the image.',
  check(model) {
    const names = new Set<string>();
    const hits = [];
    for (const stage of model.stages) {
      const image = stage.image;
      const ref = image.toLowerCase();
      if (image && ref !== 'scratch' && !names.has(ref) && !image.includes('$') && !stage.tag && !stage.digest && !image.includes('@')) {
        hits.push({ line: stage.from.line, column: stage.from.column, message: `Always tag the version of an image explicitly: ${image}` });
      }
      if (stage.name) names.add(stage.name);
    }
    return hits;
  },
};
