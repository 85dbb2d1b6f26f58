import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError, UsageError } from '../cli/errors.js';
import type { CommandContext } from '../cli/context.js';
import { backupFile, writeFileAtomic } from '../write/apply.js';
import { checkSecurityTxt } from './check.js';
import { defaultExpires, formatExpires, renderSecurityTxt } from './render.js';

const CONTACT = /^(mailto:\S+@\S+|https:\/\/\S+|tel:\S+)$/;

export interface SecurityTxtOptions {
  check?: string;
  contact?: string;
  policy?: string;
  expires?: string;
}

/** `harden-init security-txt --check <file>`: problems as `file:line: message`; exit 1 when there are any, 2 when unreadable. */
export async function checkSecurityTxtFile(file: string, ctx: CommandContext, now = new Date()): Promise<number> {
  let text: string;
  try {
    text = await readFile(path.resolve(ctx.cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputError(`cannot read security.txt (${code})`, file, 'give the path of an existing security.txt');
  }
  const problems = checkSecurityTxt(text, now);
  for (const problem of problems) ctx.stdout.write(`${file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}\n`);
  if (problems.length === 0) {
    ctx.stdout.write(`${file}: ok (RFC 9116)\n`);
    return 0;
  }
  ctx.stderr.write(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${file}\n`);
  return 1;
}

/** `harden-init security-txt [dir] --contact ...`: writes <dir>/.well-known/security.txt atomically, backing up an existing one. */
export async function writeSecurityTxt(dir: string, options: SecurityTxtOptions, ctx: CommandContext, now = new Date()): Promise<number> {
  if (!options.contact) throw new UsageError('--contact is required to write a security.txt', '--contact', 'e.g. --contact mailto:security@example.com');
  if (!CONTACT.test(options.contact)) throw new UsageError(`"${options.contact}" is not a mailto:, https: or tel: URI`, '--contact', 'e.g. --contact mailto:security@example.com');
  if (options.policy && !/^https:\/\/\S+$/.test(options.policy)) throw new UsageError(`"${options.policy}" is not an https:// URL`, '--policy', 'give the https URL of your disclosure policy');
  let expires: string;
  try {
    expires = options.expires ? formatExpires(options.expires) : defaultExpires(now);
  } catch {
    throw new UsageError(`"${options.expires}" is not an ISO 8601 date-time`, '--expires', 'e.g. --expires 2026-12-31T00:00:00Z');
  }
  const text = renderSecurityTxt({ contact: options.contact, expires, policy: options.policy, preferredLanguages: 'en' });
  const expiryProblems = checkSecurityTxt(text, now).filter((problem) => problem.field === 'Expires');
  if (expiryProblems.length) throw new UsageError(expiryProblems[0].message, '--expires', 'give a date in the coming year');
  const root = path.resolve(ctx.cwd, dir);
  const relative = '.well-known/security.txt';
  const target = path.join(root, relative);
  const existing = await readFile(target, 'utf8').catch(() => null);
  if (existing === text) {
    ctx.stdout.write(`identical ${relative}\n`);
    return 0;
  }
  if (existing !== null) ctx.stdout.write(`backup    ${await backupFile(root, relative)}\n`);
  await writeFileAtomic(target, text);
  ctx.stdout.write(`${existing === null ? 'create   ' : 'write    '} ${relative}\n`);
  return 0;
}
