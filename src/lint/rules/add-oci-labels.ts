import type { Rule } from '../rule.js';
import { finalStage } from './helpers.js';
import { finalLabels } from './label-shared.js';

/** The OCI annotations every image can carry: its name, and when and from which commit it was built. */
export const REQUIRED_OCI_LABELS = ['org.opencontainers.image.title', 'org.opencontainers.image.created', 'org.opencontainers.image.revision'];

export const rule: Rule = {
  id: 'HI615',
  slug: 'add-oci-labels',
  level: 'info',
  title: 'OCI image labels are missing',
  fix: 'Label the final stage with `org.opencontainers.image.title`, `.created` and `.revision` (from `ARG created` / `ARG revision`), plus `.source`, `.version` and `.licenses` where known.',
  aliases: [],
  docs: 'OCI labels tell scanners, registries and incident responders what an image is and which commit built it; without them a vulnerable image in production cannot be traced back to its source.',
  check(model) {
    const stage = finalStage(model);
    if (!stage) return [];
    const present = new Set(finalLabels(model).map((l) => l.name));
    const missing = REQUIRED_OCI_LABELS.filter((l) => !present.has(l));
    return missing.length ? [{ line: stage.from.line, column: stage.from.column, message: `OCI image labels are missing: ${missing.join(', ')}` }] : [];
  },
};
