import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { CommandContext } from '../cli/context.js';
import { EXIT, InputError, UsageError } from '../cli/errors.js';
import { RegistryError } from '../registry/errors.js';
import { ImageRefError, isLoopback } from '../registry/ref.js';
import { isProviderKey, runCosign } from './cosign-cli.js';
import { backupFile, writeFileAtomic } from '../write/apply.js';
import { exists } from './files.js';
import { formatsOf, signImage, verifyImage, type FormatChoice, type SignatureFormat } from './image.js';
import { decryptPrivateKey, generateKeyPair, KeyFileError, loadPublicKey } from './keys.js';
import { readPassword } from './password.js';

function relative(ctx: CommandContext, file: string): string {
  const rel = path.relative(ctx.cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}

export interface KeygenOptions {
  outDir?: string;
  force?: boolean;
}

/** `harden-init keygen`: writes cosign.key (encrypted) and cosign.pub; refuses to replace keys without --force. */
export async function runKeygen(options: KeygenOptions, ctx: CommandContext): Promise<number> {
  const dir = path.resolve(ctx.cwd, options.outDir ?? '.');
  const keyFile = path.join(dir, 'cosign.key');
  const pubFile = path.join(dir, 'cosign.pub');
  const present = [];
  for (const file of [keyFile, pubFile]) if (await exists(file)) present.push(file);
  if (present.length > 0 && !options.force) {
    throw new UsageError(`${path.basename(present[0])} already exists`, relative(ctx, present[0]), 'pass --force to replace the key pair (the old files are kept as .harden-init.bak), or choose another --out-dir');
  }
  const password = await readPassword(ctx, { confirm: true });
  const pair = await generateKeyPair(password);
  for (const file of present) ctx.stdout.write(`backup  ${relative(ctx, path.join(dir, await backupFile(dir, path.basename(file))))}\n`);
  await writeFileAtomic(keyFile, pair.privateKeyPem, 0o600);
  await writeFileAtomic(pubFile, pair.publicKeyPem, 0o644);
  ctx.stdout.write(`write   ${relative(ctx, keyFile)}  (private key, encrypted; keep it secret)\n`);
  ctx.stdout.write(`write   ${relative(ctx, pubFile)}  (public key; share it with whoever verifies)\n`);
  if (password === '') ctx.stderr.write('harden-init: warning: the private key has an empty password\n');
  return EXIT.ok;
}

async function readKeyFile(ctx: CommandContext, file: string, flag: string): Promise<string> {
  try {
    return await readFile(path.resolve(ctx.cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'key file not found' : `cannot read the key file (${code})`, file, code === 'ENOENT' ? `create one with \`harden-init keygen\` or pass ${flag} <file>` : 'check its permissions');
  }
}

function imageError(error: unknown, image: string): never {
  if (error instanceof ImageRefError) throw new UsageError(`invalid image reference: ${error.reason}`, image, 'use a reference like registry.example.com/app:1.0');
  if (error instanceof RegistryError && error.code === 'not-found') {
    throw new UsageError(`cannot resolve ${image} to a digest: ${error.what}`, error.where, 'push the image first, then sign the pushed tag or digest');
  }
  throw error;
}

/** The public key next to a private key: `keys/cosign.key` -> `keys/cosign.pub`. */
export function publicKeyPathFor(keyPath: string): string {
  return keyPath.endsWith('.key') ? `${keyPath.slice(0, -'.key'.length)}.pub` : 'cosign.pub';
}

/** The `cosign verify` command a consumer runs for one format. No transparency log is used, hence --insecure-ignore-tlog. */
export function cosignVerifyCommand(image: string, publicKey: string, format: SignatureFormat, plainHttp: boolean): string {
  const parts = ['cosign', 'verify', '--key', publicKey, '--insecure-ignore-tlog=true'];
  if (plainHttp) parts.push('--allow-http-registry');
  parts.push(`--new-bundle-format=${format === 'bundle'}`, image);
  return parts.join(' ');
}

export interface SignOptions {
  key?: string;
  keyless?: boolean;
  format?: FormatChoice;
  insecureRegistry?: boolean;
}

/** `harden-init sign <image>`: native signing with a cosign key; keyless and KMS keys through cosign. */
export async function runSign(image: string, options: SignOptions, ctx: CommandContext): Promise<number> {
  const format = options.format ?? 'both';
  const keyPath = options.key ?? 'cosign.key';
  if (options.keyless || isProviderKey(keyPath)) {
    const resolved = await import('./image.js').then((m) => m.resolveImage(image, { insecureRegistry: options.insecureRegistry })).catch((e: unknown) => imageError(e, image));
    const pinned = `${resolved.ref.registry}/${resolved.ref.repository}@${resolved.digest}`;
    const args = ['sign', '--yes'];
    if (!options.keyless) args.push('--key', keyPath);
    if (options.insecureRegistry || isLoopback(resolved.ref.registry)) args.push('--allow-http-registry');
    if (format !== 'both') args.push(`--new-bundle-format=${format === 'bundle'}`);
    args.push(pinned);
    return runCosign(args, ctx, options.keyless ? 'keyless signing' : `signing with ${keyPath}`);
  }
  const text = await readKeyFile(ctx, keyPath, '--key');
  const password = await readPassword(ctx, { confirm: false });
  let privateKey: KeyObject;
  try {
    privateKey = await decryptPrivateKey(text, password);
  } catch (error) {
    if (error instanceof KeyFileError) {
      throw new InputError(error.message, keyPath, error.reason === 'password' ? 'check COSIGN_PASSWORD' : 'pass a cosign private key made by `harden-init keygen` or `cosign generate-key-pair`');
    }
    throw error;
  }
  const result = await signImage(image, privateKey, format, { insecureRegistry: options.insecureRegistry }).catch((e: unknown) => imageError(e, image));
  const pinned = `${result.image.ref.registry}/${result.image.ref.repository}@${result.image.digest}`;
  ctx.stdout.write(`image   ${pinned}\n`);
  for (const outcome of result.outcomes) {
    ctx.stdout.write(`${outcome.status === 'signed' ? 'signed ' : 'same   '} ${outcome.format.padEnd(6)}  ${outcome.location}${outcome.status === 'unchanged' ? '  (already signed with this key)' : ''}\n`);
  }
  const plainHttp = result.image.client.plainHttpAllowed;
  ctx.stdout.write('\nCheck it with cosign (>= 2.4; no transparency log was used, hence --insecure-ignore-tlog):\n');
  for (const f of formatsOf(format)) ctx.stdout.write(`  ${cosignVerifyCommand(pinned, publicKeyPathFor(keyPath), f, plainHttp)}\n`);
  return EXIT.ok;
}

export interface VerifyOptions {
  key?: string;
  insecureRegistry?: boolean;
}

/** `harden-init verify <image> --key cosign.pub`: both formats, one line each; exit 1 without a valid signature. */
export async function runVerifyImage(image: string, options: VerifyOptions, ctx: CommandContext): Promise<number> {
  if (!options.key) throw new UsageError('verify needs a public key', '--key', 'pass --key cosign.pub (or --dockerfile to check base images)');
  if (isProviderKey(options.key)) {
    const args = ['verify', '--key', options.key];
    if (options.insecureRegistry) args.push('--allow-http-registry');
    return runCosign([...args, image], ctx, `verifying with ${options.key}`);
  }
  let publicKey: KeyObject;
  try {
    publicKey = loadPublicKey(await readKeyFile(ctx, options.key, '--key'));
  } catch (error) {
    if (error instanceof KeyFileError) throw new InputError(error.message, options.key, 'pass the cosign.pub that belongs to the signing key');
    throw error;
  }
  const result = await verifyImage(image, publicKey, { insecureRegistry: options.insecureRegistry }).catch((e: unknown) => imageError(e, image));
  ctx.stdout.write(`image   ${result.image}\n`);
  for (const check of result.checks) {
    const state = check.valid > 0 ? 'ok     ' : check.found > 0 ? 'invalid' : 'none   ';
    const summary = check.found === 0 ? 'no signature' : `${check.valid} of ${check.found} signature${check.found === 1 ? '' : 's'} valid`;
    ctx.stdout.write(`${state} ${check.format.padEnd(6)}  ${summary}  (${check.location})\n`);
    for (const problem of check.problems) ctx.stdout.write(`          - ${problem}\n`);
  }
  if (!result.valid) {
    ctx.stderr.write(`harden-init: no valid signature for ${result.digest} (${result.image}): sign it with \`harden-init sign\` or check that --key is the signer's public key\n`);
    return EXIT.findings;
  }
  ctx.stdout.write(`verified ${result.image}\n`);
  return EXIT.ok;
}
