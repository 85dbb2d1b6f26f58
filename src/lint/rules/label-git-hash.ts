import { formatRule } from './label-shared.js';

export const rule = formatRule(
  {
    id: 'HI612',
    slug: 'label-git-hash',
    level: 'warning',
    title: 'Label value is not a valid git hash',
    fix: 'Use a full 40-character (or 7-character short) git commit hash as the label value.',
    aliases: ['DL3055'],
    docs: 'Runs only when `label-schema` gives a label the type `hash`: tools that read the label (scanners, registries, SBOM generators) expect that format.',
  },
  'hash',
  (l) => `Label \`${l}\` is not a valid git hash.`,
);
