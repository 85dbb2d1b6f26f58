import { z } from 'zod';
import table from './table.json' with { type: 'json' };
import type { ImageRef } from '../registry/ref.js';

/**
 * How the images matching `pattern` are trusted:
 * `keyless` (Sigstore certificate identity + OIDC issuer, checked by cosign), `key` (a cosign public key,
 * checked natively), or `digest-pin` (no publisher signature exists: only a digest pin is accepted).
 */
export const trustEntrySchema = z
  .object({
    /** `registry/path` glob; `*` matches any run of characters, e.g. `ghcr.io/acme/*`. */
    pattern: z.string().min(1),
    publisher: z.string().optional(),
    check: z.enum(['keyless', 'key', 'digest-pin']).optional(),
    /** Path to a cosign public key (relative to the config file). */
    key: z.string().optional(),
    identity: z.string().optional(),
    identityRegexp: z.string().optional(),
    issuer: z.string().optional(),
    note: z.string().optional(),
    source: z.string().optional(),
  })
  .transform((entry, ctx) => {
    const check = entry.check ?? (entry.key ? 'key' : entry.identity || entry.identityRegexp ? 'keyless' : 'digest-pin');
    if (check === 'key' && !entry.key) ctx.addIssue({ code: 'custom', message: 'a "key" entry needs "key": "<cosign.pub path>"' });
    if (check === 'keyless' && (!(entry.identity || entry.identityRegexp) || !entry.issuer)) {
      ctx.addIssue({ code: 'custom', message: 'a keyless entry needs "identity" (or "identityRegexp") and "issuer"' });
    }
    return { ...entry, check };
  });

export type TrustEntry = z.output<typeof trustEntrySchema>;

/** The built-in table (src/trust/table.json). */
export const BUILT_IN_TRUST: TrustEntry[] = (table.entries as unknown[]).map((entry) => trustEntrySchema.parse(entry));

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

/** The first entry whose pattern matches `registry/repository` (user entries first), or null. */
export function findTrustEntry(ref: ImageRef, entries: TrustEntry[]): TrustEntry | null {
  const name = `${ref.registry}/${ref.repository}`;
  return entries.find((entry) => globToRegExp(entry.pattern).test(name)) ?? null;
}

/** Parses the `trust` array of .harden-init.json; the error names the entry and field. */
export function parseTrustEntries(raw: unknown): { ok: true; entries: TrustEntry[] } | { ok: false; field: string; message: string } {
  const result = z.array(trustEntrySchema).safeParse(raw);
  if (result.success) return { ok: true, entries: result.data };
  const issue = result.error.issues[0];
  return { ok: false, field: `trust${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`, message: issue.message };
}
