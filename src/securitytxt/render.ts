/** Fields of an RFC 9116 security.txt. `contact` and `expires` are required by the RFC. */
export interface SecurityTxtFields {
  /** One or more `mailto:`, `https:` or `tel:` URIs, in order of preference. */
  contact: string | string[];
  /** ISO 8601 / RFC 3339 date-time; written in UTC without milliseconds. */
  expires: string;
  preferredLanguages?: string;
  policy?: string;
  canonical?: string;
  encryption?: string;
  acknowledgments?: string;
}

/** `2026-05-01T00:00:00.000Z` -> `2026-05-01T00:00:00Z`; throws RangeError on an unparseable date. */
export function formatExpires(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`"${value}" is not an ISO 8601 date-time`);
  return date.toISOString().replace(/\.000Z$/, 'Z');
}

/** The file text: a comment, then one `Field: value` line per value, LF line endings. */
export function renderSecurityTxt(fields: SecurityTxtFields): string {
  const lines = ['# How to report a security vulnerability in this service (RFC 9116).'];
  for (const contact of Array.isArray(fields.contact) ? fields.contact : [fields.contact]) lines.push(`Contact: ${contact}`);
  lines.push(`Expires: ${formatExpires(fields.expires)}`);
  if (fields.encryption) lines.push(`Encryption: ${fields.encryption}`);
  if (fields.acknowledgments) lines.push(`Acknowledgments: ${fields.acknowledgments}`);
  if (fields.preferredLanguages) lines.push(`Preferred-Languages: ${fields.preferredLanguages}`);
  if (fields.canonical) lines.push(`Canonical: ${fields.canonical}`);
  if (fields.policy) lines.push(`Policy: ${fields.policy}`);
  return `${lines.join('\n')}\n`;
}

/** Default expiry: one year minus a day after `now`, at midnight UTC, so it stays within the RFC's one-year limit. */
export function defaultExpires(now: Date): string {
  const date = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate() - 1));
  return formatExpires(date.toISOString());
}
