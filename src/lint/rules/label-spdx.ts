import { formatRule } from './label-shared.js';

export const rule = formatRule(
  {
    id: 'HI611',
    slug: 'label-spdx',
    level: 'warning',
    title: 'Label value is not a valid SPDX license identifier',
    fix: 'Use an SPDX license identifier or expression (e.g. `MIT`, `Apache-2.0`) as the label value.',
    aliases: ['DL3054'],
    docs: 'Runs only when `label-schema` gives a label the type `spdx`: tools that read the label (scanners, registries, SBOM generators) expect that format.',
  },
  'spdx',
  (l) => `Label \`${l}\` is not a valid SPDX identifier.`,
);
