import { UsageError } from '../errors.js';

/** For a command whose implementation has not landed yet: says so and exits 2. */
export function notBuilt(name: string): never {
  throw new UsageError(`\`harden-init ${name}\` is not available in this version`, undefined, 'upgrade harden-init (npx harden-init@latest)');
}
