import { formatRule } from './label-shared.js';

export const rule = formatRule(
  {
    id: 'HI609',
    slug: 'label-url',
    level: 'warning',
    title: 'Label value is not a valid URL',
    fix: 'Use an absolute URL (e.g. `https://github.com/org/repo`) as the label value.',
    aliases: ['DL3052'],
    docs: 'Runs only when `label-schema` gives a label the type `url`: tools that read the label (scanners, registries, SBOM generators) expect that format.',
  },
  'url',
  (l) => `Label \`${l}\` is not a valid URL.`,
);
