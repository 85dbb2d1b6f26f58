import { existsSync } from 'node:fs';

/** Debian's bundle of the system roots plus what update-ca-certificates added (/usr/local/share/ca-certificates). */
export const SYSTEM_CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/**
 * This machine's CA bundle, for Docker tests whose build steps download (npm, Debian): the file
 * NODE_EXTRA_CA_CERTS or SSL_CERT_FILE names, else the system bundle; null when none exists.
 * Builds on a network that inspects TLS trust nothing else.
 */
export const hostCaBundle: string | null =
  [process.env.NODE_EXTRA_CA_CERTS, process.env.SSL_CERT_FILE, SYSTEM_CA_BUNDLE].find((file): file is string => Boolean(file) && existsSync(file as string)) ?? null;

/** Why Docker tests that need the CA bundle cannot run, or null. */
export const caMissing: string | null = hostCaBundle ? null : `no CA bundle (NODE_EXTRA_CA_CERTS, SSL_CERT_FILE, ${SYSTEM_CA_BUNDLE})`;

/**
 * The variables harden-init reads to offer a CA bundle, unset: commands under test must not pick
 * this machine's bundle up unless a test passes it on purpose (undefined drops a variable from a
 * child's environment and from an in-process CommandContext alike).
 */
export const NO_CA_ENV: Record<'NODE_EXTRA_CA_CERTS' | 'SSL_CERT_FILE', undefined> = { NODE_EXTRA_CA_CERTS: undefined, SSL_CERT_FILE: undefined };
