import { z } from 'zod';

import { BASE_KINDS, LANGUAGES } from './kinds.js';

export { BASE_KINDS, LANGUAGES, type BaseKind } from './kinds.js';

const contact = z
  .string()
  .regex(/^(mailto:\S+@\S+|https:\/\/\S+|tel:\S+)$/, 'must be a mailto:, https: or tel: URI');
const httpsUrl = z.string().regex(/^https:\/\/\S+$/, 'must be an https:// URL');

/**
 * Everything the generator needs, as the wizard, `--plain`, flags and `--answers` produce it.
 * Saved as `.harden-init.json` so a re-run reproduces the same files byte for byte.
 */
export const answersSchema = z.object({
  /** Workspace app path, relative to the repo root; "." for a single app. */
  app: z.string().default('.'),
  language: z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}` }),
  packageManager: z.string().min(1),
  runtimeVersion: z.string().regex(/^\d+(\.\d+){0,2}$/, 'must be a version like 22, 3.12 or 1.23.4'),
  framework: z.string().nullable().default(null),
  installCommand: z.string().nullable().default(null),
  buildCommand: z.string().nullable().default(null),
  startCommand: z.string().min(1),
  port: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(65535, 'must be at most 65535').nullable().default(null),
  base: z.enum(BASE_KINDS, { error: `must be one of ${BASE_KINDS.join(', ')}` }),
  /** Numeric uid, also used as gid (USER uid:uid). */
  uid: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1 (0 is root)').max(2147483647, 'must be at most 2147483647').default(10001),
  appDir: z.string().regex(/^\//, 'must be an absolute path').default('/app'),
  /** HTTP path the health check requests, or "none". */
  healthcheck: z.string().regex(/^(none|\/\S*)$/, 'must be an absolute path like /health or "none"').default('none'),
  /** Directories the app may write to at run time (tmpfs in compose, owned by the app user). */
  writableDirs: z.array(z.string().regex(/^\//, 'must be an absolute path')).default(['/tmp']),
  buildSecrets: z.array(z.string().regex(/^[A-Za-z0-9_.-]+$/, 'must be a secret id like npmrc')).default([]),
  compose: z.boolean().default(true),
  registry: z.string().nullable().default(null),
  /**
   * A CA bundle (PEM) the build's downloads trust, for TLS-inspecting proxies and private
   * registries: passed as the BuildKit secret "ca", never stored in the image. A path, absolute or
   * relative to the app; null (the default): the Dockerfile has no CA wiring.
   */
  caCert: z.string().min(1, 'must be a file path').nullable().default(null),
  pin: z.boolean().default(true),
  security: z.object({
    contact,
    expires: z.string().datetime({ offset: true, error: 'must be an ISO 8601 date and time, e.g. 2026-06-30T00:00:00Z' }).optional(),
    policy: httpsUrl.optional(),
    preferredLanguages: z.string().default('en'),
    canonical: httpsUrl.optional(),
    /** Where security.txt is served, for the `securitytxt` label. */
    url: httpsUrl.optional(),
  }),
  /** OCI label values (org.opencontainers.image.*) known from package metadata and git. */
  image: z
    .object({
      title: z.string().optional(),
      description: z.string().optional(),
      version: z.string().optional(),
      source: z.string().optional(),
      licenses: z.string().optional(),
      vendor: z.string().optional(),
    })
    .default({}),
});

export type Answers = z.infer<typeof answersSchema>;
export type AnswersInput = z.input<typeof answersSchema>;

/** Validates raw answers; on failure names the first bad field, e.g. `port: must be at most 65535`. */
export function parseAnswers(raw: unknown): { ok: true; answers: Answers } | { ok: false; field: string; message: string } {
  const result = answersSchema.safeParse(raw);
  if (result.success) return { ok: true, answers: result.data };
  const issue = result.error.issues[0];
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
  return { ok: false, field: issue.path.join('.') || '(root)', message: missing ? 'is required' : issue.message };
}
