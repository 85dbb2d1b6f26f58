import type { CommandContext } from '../cli/context.js';
import { EnvironmentError } from '../cli/errors.js';
import type { ParsedReport } from './record.js';

/** `--scanner builtin`: the offline image audit, its findings as scan findings. */
export async function builtinReport(image: string, _ctx: CommandContext): Promise<ParsedReport> {
  throw new EnvironmentError(`the built-in audit is not available in this build, so ${image} cannot be audited offline`, '--scanner builtin', 'install Trivy or Grype and use --scanner auto');
}
