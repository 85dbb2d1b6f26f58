import { ExternalError, EXIT } from '../cli/errors.js';

/** Why a registry request failed; callers branch on it (e.g. pinning falls back to the tag when offline). */
export type RegistryErrorCode = 'unreachable' | 'timeout' | 'unauthorized' | 'denied' | 'not-found' | 'insecure' | 'protocol' | 'http';

/** A registry request that failed. Renders as one line naming the registry and what to do. */
export class RegistryError extends ExternalError {
  constructor(
    readonly code: RegistryErrorCode,
    what: string,
    where: string,
    fix: string,
    readonly status: number | null = null,
  ) {
    super(what, where, fix, code === 'not-found' || code === 'insecure' ? EXIT.usage : EXIT.environment);
  }

  /** True when the registry could not be reached at all: the caller is offline or the host is wrong. */
  get offline(): boolean {
    return this.code === 'unreachable' || this.code === 'timeout';
  }
}
