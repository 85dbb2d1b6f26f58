import type { Rule, RuleHit } from '../rule.js';
import type { DockerfileModel, Stage } from '../model.js';

/** The stage or one it is built FROM has a HEALTHCHECK (NONE counts: it is an explicit choice). */
function hasHealthcheck(model: DockerfileModel, stage: Stage, depth = 0): boolean {
  if (stage.instructions.some((i) => i.keyword === 'HEALTHCHECK' && !i.onbuild)) return true;
  const parent = model.stages.find((s) => s.name !== null && s.name === stage.image.toLowerCase() && s.index < stage.index);
  return parent !== undefined && depth < 10 && hasHealthcheck(model, parent, depth + 1);
}

export const rule: Rule = {
  id: 'HI505',
  slug: 'add-healthcheck',
  level: 'info',
  title: '`HEALTHCHECK` instruction missing',
  fix: 'Add a `HEALTHCHECK` that works in the final base image, or `HEALTHCHECK NONE` with a comment saying why there is none.',
  aliases: ['DL3057', 'DS-0026', 'CKV_DOCKER_2', 'CIS-DI-0006'],
  docs: 'Without a health check Docker and Swarm report a hung app as running. Where the orchestrator probes instead (Kubernetes) or the base has no tool to probe with (distroless: no curl), write `HEALTHCHECK NONE` and a comment so the choice is visible. Checked on the images a build can produce: the final stage and any stage nothing builds on or copies from.',
  check(model) {
    const hits: RuleHit[] = [];
    const last = model.stages.length - 1;
    for (const stage of model.stages) {
      const builtOn = stage.name !== null && model.stages.some((s) => s.index > stage.index && s.image.toLowerCase() === stage.name);
      const copiedFrom = model.instructions.some((i) => i.keyword === 'COPY' && i.flags.some((f) => f.name === 'from' && (f.value?.toLowerCase() === stage.name || f.value === String(stage.index))));
      const isImage = stage.index === last || (!builtOn && !copiedFrom);
      if (isImage && !hasHealthcheck(model, stage)) hits.push({ line: stage.from.line, column: stage.from.column });
    }
    return hits.length ? [hits[hits.length - 1]] : [];
  },
};
