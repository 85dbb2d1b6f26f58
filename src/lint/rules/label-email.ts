import { formatRule } from './label-shared.js';

export const rule = formatRule(
  {
    id: 'HI614',
    slug: 'label-email',
    level: 'warning',
    title: 'Label value is not a valid email address',
    fix: 'Use an email address (e.g. `security@example.com`) as the label value.',
    aliases: ['DL3058'],
    docs: 'Runs only when `label-schema` gives a label the type `email`: tools that read the label (scanners, registries, SBOM generators) expect that format.',
  },
  'email',
  (l) => `Label \`${l}\` is not a valid email format - must conform to RFC5322.`,
);
