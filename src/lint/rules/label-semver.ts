import { formatRule } from './label-shared.js';

export const rule = formatRule(
  {
    id: 'HI613',
    slug: 'label-semver',
    level: 'warning',
    title: 'Label value does not conform to semantic versioning',
    fix: 'Use a semantic version (e.g. `1.4.2`) as the label value.',
    aliases: ['DL3056'],
    docs: 'Runs only when `label-schema` gives a label the type `semver`: tools that read the label (scanners, registries, SBOM generators) expect that format.',
  },
  'semver',
  (l) => `Label \`${l}\` does not conform to semantic versioning.`,
);
