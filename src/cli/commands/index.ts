import type { CommandDef } from '../command.js';
import { auditCommand } from './audit.js';
import { buildCommand } from './build.js';
import { ciCommand } from './ci.js';
import { detectCommand } from './detect.js';
import { fixCommand } from './fix.js';
import { initCommand } from './init.js';
import { keygenCommand } from './keygen.js';
import { lintCommand } from './lint.js';
import { scanCommand } from './scan.js';
import { securityTxtCommand } from './security-txt.js';
import { signCommand } from './sign.js';
import { verifyCommand } from './verify.js';

/** `harden-init [dir]` with no command name runs the wizard. */
export const defaultCommand: CommandDef = initCommand;

/** Every named command, in the order `--help` lists them. */
export const commands: CommandDef[] = [
  detectCommand,
  lintCommand,
  buildCommand,
  auditCommand,
  scanCommand,
  fixCommand,
  securityTxtCommand,
  keygenCommand,
  signCommand,
  verifyCommand,
  ciCommand,
];
