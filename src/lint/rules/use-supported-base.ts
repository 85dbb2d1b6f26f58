// Not the eol barrel: it brings the range reader and semver, which a lint run never needs.
import { imageNames } from '../../eol/image-ref.js';
import { endOfLife } from '../../eol/status.js';
import type { DockerfileModel, Stage } from '../model.js';
import type { Rule, RuleHit } from '../rule.js';
import { finalStage } from './helpers.js';

/** The external image a stage stands on, following `FROM <earlier stage>` back to a real reference. */
function baseImage(model: DockerfileModel, stage: Stage, depth = 0): string | null {
  const parent = model.stages.find((s) => s.name !== null && s.name === stage.image.toLowerCase() && s.index < stage.index);
  if (parent) return depth < 10 ? baseImage(model, parent, depth + 1) : null;
  return stage.image.includes('$') || stage.image.toLowerCase() === 'scratch' ? null : stage.image;
}

export const rule: Rule = {
  id: 'HI113',
  slug: 'use-supported-base',
  level: 'warning',
  title: 'The final image is built on a runtime or OS that has reached its end of life',
  fix: 'Move the final stage to a supported line of the runtime and OS (`harden-init fix` offers the bump).',
  aliases: [],
  docs: 'Once a runtime line (Node.js 18, Python 3.8) or a distribution release (Debian 11, Alpine 3.18) reaches its end of life, nobody ships security fixes for it: every vulnerability found from then on stays open in the image. The check reads the version from the final base image reference (`node:18-slim`, `python:3.8`, `debian:11`, `-bullseye`, `alpine3.18`, `distroless/nodejs18-debian11`) and judges it by the end-of-life table shipped with harden-init (src/eol/cycles.json, from endoflife.date); the message names the date and the supported line to move to.',
  check(model, { today }) {
    const stage = finalStage(model);
    if (!stage) return [];
    const image = baseImage(model, stage);
    if (!image) return [];
    const names = imageNames(image);
    const hits: RuleHit[] = [];
    for (const named of [names.runtime, names.os]) {
      const ended = named ? endOfLife(named.product, named.version, { today }) : null;
      if (ended) hits.push({ line: stage.from.line, column: stage.from.column, message: `${image}: ${ended.message}` });
    }
    return hits;
  },
};
