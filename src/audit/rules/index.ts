import type { AuditRule } from '../types.js';
import { rule as runAsNonRoot } from './run-as-non-root.js';
import { rule as numericUser } from './numeric-user.js';
import { rule as noSetuidFiles } from './no-setuid-files.js';
import { rule as noWorldWritableFiles } from './no-world-writable-files.js';
import { rule as noSecretEnv } from './no-secret-env.js';
import { rule as noSecretFiles } from './no-secret-files.js';
import { rule as noShellInDistroless } from './no-shell-in-distroless.js';
import { rule as addHealthcheck } from './add-healthcheck.js';
import { rule as addLabels } from './add-labels.js';
import { rule as keepImageSmall } from './keep-image-small.js';
import { rule as noEmptyPassword } from './no-empty-password.js';
import { rule as useSupportedBase } from './use-supported-base.js';

/** Every audit rule, in report order. Adding one is a file plus a line here. */
export const auditRules: readonly AuditRule[] = [
  runAsNonRoot,
  numericUser,
  noSetuidFiles,
  noWorldWritableFiles,
  noSecretEnv,
  noSecretFiles,
  noEmptyPassword,
  noShellInDistroless,
  addHealthcheck,
  addLabels,
  keepImageSmall,
  useSupportedBase,
];
