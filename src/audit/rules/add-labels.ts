import { CONTACT_LABEL, CONTACT_URI, SECURITYTXT_LABEL } from '../../securitytxt/labels.js';
import type { AuditHit, AuditRule } from '../types.js';

const OCI = ['title', 'source', 'revision', 'created', 'version'];

export const rule: AuditRule = {
  id: 'HI809',
  slug: 'add-labels',
  level: 'info',
  title: 'Missing security contact (securitytxt or security.contact) or OCI labels',
  fix: 'Add `LABEL securitytxt=<https URL of security.txt>` (or `security.contact=<mailto: or https: URI>` until it is served) and the org.opencontainers.image.* labels (title, source, revision, created, version).',
  aliases: [],
  check(image) {
    const labels = image.config.Labels ?? {};
    const hits: AuditHit[] = [];
    const securitytxt = labels[SECURITYTXT_LABEL];
    const contact = labels[CONTACT_LABEL];
    const validContact = contact !== undefined && CONTACT_URI.test(contact);
    if (contact !== undefined && !validContact) {
      hits.push({ message: `the ${CONTACT_LABEL} label "${contact}" is not a mailto:, https: or tel: URI` });
    }
    if (securitytxt && !/^https:\/\/\S+$/.test(securitytxt)) {
      hits.push({ message: `the securitytxt label "${securitytxt}" is not an https:// URL` });
    } else if (!securitytxt && validContact) {
      // Who to tell is known; only the pointer to the full policy is missing.
      hits.push({ level: 'style', message: `no securitytxt label: ${CONTACT_LABEL} (${contact}) says who to tell; add securitytxt once security.txt is served`, fix: 'Add `LABEL securitytxt=<https URL of security.txt>` once security.txt is served.' });
    } else if (!securitytxt) {
      const authors = labels['org.opencontainers.image.authors'];
      hits.push({ message: `no securitytxt or ${CONTACT_LABEL} label: scanners and users cannot find where to report a vulnerability${authors ? ` (only the authors label names anyone: ${authors})` : ''}` });
    }
    const missing = OCI.filter((key) => !labels[`org.opencontainers.image.${key}`]);
    if (missing.length > 0) {
      hits.push({ level: 'style', message: `missing OCI labels: ${missing.map((key) => `org.opencontainers.image.${key}`).join(', ')}` });
    }
    return hits;
  },
};
