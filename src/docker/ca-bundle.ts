// Where a CA bundle for the build comes from: the environment (offered by the wizard), a flag, or
// .harden-init.json. The generator only ever sees the path; files are checked here, at the edge.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../cli/errors.js';

/** Variables that name a CA bundle for TLS clients, in the order they are offered. */
export const CA_BUNDLE_VARIABLES = ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE'] as const;

/** True when `file` is a regular file this process can read. */
export function readableFile(file: string): boolean {
  try {
    accessSync(file, constants.R_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first bundle the environment names that exists, or null. */
export function caBundleFromEnv(env: NodeJS.ProcessEnv, readable: (file: string) => boolean = readableFile): { path: string; variable: string } | null {
  for (const variable of CA_BUNDLE_VARIABLES) {
    const value = env[variable];
    if (value && readable(value)) return { path: path.resolve(value), variable };
  }
  return null;
}

/** `--ca-cert <file>` made absolute; a file that cannot be read is a usage error naming the flag. */
export function caCertFlag(value: string, cwd: string): string {
  const file = path.resolve(cwd, value);
  if (!readableFile(file)) {
    throw new UsageError(`--ca-cert ${value}: no readable file at ${file}`, 'command line', 'give a PEM bundle, e.g. --ca-cert /etc/ssl/certs/ca-certificates.crt');
  }
  return file;
}

/**
 * How .harden-init.json keeps the bundle's path: relative to the app when it lies inside it (the
 * answers then work in any clone), else absolute. Relative paths are read relative to the app.
 */
export function savedCaPath(caCert: string, appDir: string): string {
  const file = path.resolve(appDir, caCert);
  const relative = path.relative(appDir, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}
