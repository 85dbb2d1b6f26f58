import { formatRule } from './label-shared.js';

export const rule = formatRule(
  {
    id: 'HI610',
    slug: 'label-rfc3339',
    level: 'warning',
    title: 'Label value is not a valid RFC 3339 time',
    fix: 'Use an RFC 3339 timestamp (e.g. `2024-05-01T12:00:00Z`) as the label value.',
    aliases: ['DL3053'],
    docs: 'Runs only when `label-schema` gives a label the type `rfc3339`: tools that read the label (scanners, registries, SBOM generators) expect that format.',
  },
  'rfc3339',
  (l) => `Label \`${l}\` is not a valid time format - must conform to RFC3339.`,
);
