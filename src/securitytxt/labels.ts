// The image labels that tell whoever finds a vulnerability in an image where to report it.

/** The https URL of the image's security.txt. */
export const SECURITYTXT_LABEL = 'securitytxt';
/** security.txt's Contact itself, for an image whose security.txt has no public URL (yet). */
export const CONTACT_LABEL = 'security.contact';

/** A Contact URI as RFC 9116 allows it: mailto:, https: or tel:. */
export const CONTACT_URI = /^(mailto:\S+@\S+|https:\/\/\S+|tel:\+?[\d\s().-]+)$/i;

/** A securitytxt value: the https URL of a security.txt. */
export const SECURITYTXT_URL = /^https:\/\/[^\s/]+\/\S*security\.txt$/;

/** Who to tell, from an image's labels: the contact label, else the security.txt URL, else the OCI authors (not a security contact as such). */
export function securityContact(labels: Record<string, string>): { label: string; value: string } | null {
  const contact = labels[CONTACT_LABEL];
  if (contact && CONTACT_URI.test(contact)) return { label: CONTACT_LABEL, value: contact };
  const securitytxt = labels[SECURITYTXT_LABEL];
  if (securitytxt && /^https:\/\/\S+$/.test(securitytxt)) return { label: SECURITYTXT_LABEL, value: securitytxt };
  const authors = labels['org.opencontainers.image.authors'];
  return authors ? { label: 'org.opencontainers.image.authors', value: authors } : null;
}
