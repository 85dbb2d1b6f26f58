import type { AuditHit, AuditRule } from '../types.js';

const OCI = ['title', 'source', 'revision', 'created', 'version'];

export const rule: AuditRule = {
  id: 'HI809',
  slug: 'add-labels',
  level: 'info',
  title: 'Missing securitytxt or OCI labels',
  fix: 'Add `LABEL securitytxt=<https URL of security.txt>` and the org.opencontainers.image.* labels (title, source, revision, created, version).',
  aliases: [],
  check(image) {
    const labels = image.config.Labels ?? {};
    const hits: AuditHit[] = [];
    const securitytxt = labels.securitytxt;
    if (!securitytxt) {
      hits.push({ message: 'no securitytxt label: scanners and users cannot find where to report a vulnerability' });
    } else if (!/^https:\/\/\S+$/.test(securitytxt)) {
      hits.push({ message: `the securitytxt label "${securitytxt}" is not an https:// URL` });
    }
    const missing = OCI.filter((key) => !labels[`org.opencontainers.image.${key}`]);
    if (missing.length > 0) {
      hits.push({ level: 'style', message: `missing OCI labels: ${missing.map((key) => `org.opencontainers.image.${key}`).join(', ')}` });
    }
    return hits;
  },
};
