import type { Rule } from '../rule.js';

function registryOf(image: string): string {
  const first = image.split('/')[0];
  if (image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) return first;
  return 'docker.io';
}

/** `*` alone allows all; `*.example.com` a domain's hosts; otherwise an exact host. */
function allowed(registry: string, patterns: string[]): boolean {
  return patterns.some((p) => p === '*' || p === registry || (p.startsWith('*.') && registry.endsWith(p.slice(1))) || (p === 'docker.io' && registry === 'hub.docker.com') || (p === 'hub.docker.com' && registry === 'docker.io'));
}

export const rule: Rule = {
  id: 'HI104',
  slug: 'use-trusted-registry',
  level: 'error',
  title: 'Use only an allowed registry in the FROM image',
  fix: 'Pull the base image from one of the registries listed in `trustedRegistries`.',
  aliases: ['DL3026'],
  docs: 'Runs only when `trustedRegistries` is configured. Base images from unvetted registries bypass your supply-chain controls (mirrors, scanning, signatures).',
  check(model, { config }) {
    if (config.trustedRegistries.length === 0) return [];
    const names = new Set<string>();
    const hits = [];
    for (const stage of model.stages) {
      const ref = stage.image.toLowerCase();
      if (ref && ref !== 'scratch' && !names.has(ref) && !stage.image.includes('$') && !allowed(registryOf(stage.image), config.trustedRegistries)) {
        hits.push({ line: stage.from.line, column: stage.from.column, message: `Use only an allowed registry in the FROM image: ${registryOf(stage.image)} is not in trustedRegistries` });
      }
      if (stage.name) names.add(stage.name);
    }
    return hits;
  },
};
