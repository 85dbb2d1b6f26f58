import { CONTACT_URI } from './labels.js';

/** One problem in a security.txt, with its 1-based line (0: the file as a whole). */
export interface SecurityTxtProblem {
  line: number;
  field: string | null;
  message: string;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const URL_FIELDS = new Set(['policy', 'canonical', 'acknowledgments', 'hiring', 'csaf']);
const SINGLE = new Set(['expires', 'preferred-languages']);
const LANGUAGE_TAG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

/**
 * Validates security.txt text against RFC 9116: Contact present with mailto:/https:/tel: URIs,
 * exactly one Expires in RFC 3339 form that has not passed and is at most a year after `now`,
 * https URLs for Policy, Canonical, Acknowledgments and Encryption. Signed files are read inside the signature.
 */
export function checkSecurityTxt(text: string, now: Date): SecurityTxtProblem[] {
  const problems: SecurityTxtProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const seen = new Map<string, number[]>();
  let inSignature = false;
  let signedHeader = false;
  lines.forEach((raw, index) => {
    const line = index + 1;
    let content = raw;
    if (content === '-----BEGIN PGP SIGNED MESSAGE-----') {
      signedHeader = true;
      return;
    }
    if (signedHeader) {
      if (content.trim() === '') signedHeader = false;
      return;
    }
    if (content === '-----BEGIN PGP SIGNATURE-----') inSignature = true;
    if (inSignature) {
      if (content === '-----END PGP SIGNATURE-----') inSignature = false;
      return;
    }
    if (content.startsWith('- ')) content = content.slice(2);
    if (content.trim() === '' || content.startsWith('#')) return;
    const match = /^([A-Za-z0-9-]+):[ \t]*(.*?)\s*$/.exec(content);
    if (!match) {
      problems.push({ line, field: null, message: `not a "Field: value" line: "${content.slice(0, 60)}"` });
      return;
    }
    const field = match[1].toLowerCase();
    const value = match[2];
    seen.set(field, [...(seen.get(field) ?? []), line]);
    if (value === '') {
      problems.push({ line, field: match[1], message: `${match[1]} has no value` });
      return;
    }
    if (field === 'contact') {
      if (/^http:/i.test(value)) problems.push({ line, field: 'Contact', message: `Contact "${value}" must use https:, not http:` });
      else if (!CONTACT_URI.test(value)) {
        problems.push({ line, field: 'Contact', message: `Contact "${value}" must be a mailto:, https: or tel: URI` });
      }
    } else if (field === 'expires') {
      checkExpires(value, line, now, problems);
    } else if (field === 'encryption') {
      if (!/^(https:\/\/\S+|dns:\S+|openpgp4fpr:[0-9A-Fa-f]+)$/.test(value)) {
        problems.push({ line, field: 'Encryption', message: `Encryption "${value}" must be an https:, dns: or openpgp4fpr: URI` });
      }
    } else if (URL_FIELDS.has(field)) {
      if (!/^https:\/\/\S+$/i.test(value)) problems.push({ line, field: match[1], message: `${match[1]} "${value}" must be an https:// URL` });
    } else if (field === 'preferred-languages') {
      const bad = value.split(',').map((tag) => tag.trim()).filter((tag) => !LANGUAGE_TAG.test(tag));
      if (bad.length) problems.push({ line, field: 'Preferred-Languages', message: `"${bad.join(', ')}" is not a language tag (e.g. en, de-AT)` });
    }
  });
  if (!seen.has('contact')) problems.push({ line: 0, field: 'Contact', message: 'Contact is required (e.g. Contact: mailto:security@example.com)' });
  if (!seen.has('expires')) problems.push({ line: 0, field: 'Expires', message: 'Expires is required (e.g. Expires: 2026-12-31T23:59:59Z)' });
  for (const field of SINGLE) {
    const at = seen.get(field) ?? [];
    for (const line of at.slice(1)) {
      problems.push({ line, field, message: `${field === 'expires' ? 'Expires' : 'Preferred-Languages'} must appear only once (first on line ${at[0]})` });
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}

function checkExpires(value: string, line: number, now: Date, problems: SecurityTxtProblem[]): void {
  const date = new Date(value);
  if (!RFC3339.test(value) || Number.isNaN(date.getTime())) {
    problems.push({ line, field: 'Expires', message: `Expires "${value}" is not an RFC 3339 date-time (e.g. 2026-12-31T23:59:59Z)` });
    return;
  }
  if (date.getTime() <= now.getTime()) {
    problems.push({ line, field: 'Expires', message: `Expires ${value} has passed: set a new date at most a year ahead` });
    return;
  }
  const limit = new Date(now.getTime());
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  if (date.getTime() > limit.getTime()) {
    problems.push({ line, field: 'Expires', message: `Expires ${value} is more than a year ahead: RFC 9116 asks for at most one year` });
  }
}
