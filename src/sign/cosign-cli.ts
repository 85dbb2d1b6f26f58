import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { CommandContext } from '../cli/context.js';
import { EnvironmentError, ExternalError } from '../cli/errors.js';

export const COSIGN_INSTALL_HINT = 'install cosign (https://docs.sigstore.dev/cosign/system_config/installation/) and put it on PATH';

/** The cosign executable on PATH, or null. */
export async function findCosign(env: NodeJS.ProcessEnv): Promise<string | null> {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'cosign');
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return null;
}

/** Key references only cosign itself can use: KMS, Vault, Kubernetes secrets, PKCS#11 tokens. */
export function isProviderKey(key: string): boolean {
  return /^(awskms|gcpkms|azurekms|hashivault|k8s|gitlab):\/\//.test(key) || key.startsWith('pkcs11:');
}

/** Runs cosign with the given arguments, streaming its output; returns its exit code. Exit 3 when cosign is missing. */
export async function runCosign(args: string[], ctx: CommandContext, why: string): Promise<number> {
  const cosign = await findCosign(ctx.env);
  if (!cosign) throw new EnvironmentError(`cosign is needed for ${why}`, 'PATH', COSIGN_INSTALL_HINT);
  const { execa } = await import('execa');
  const child = execa(cosign, args, { env: ctx.env, extendEnv: false, reject: false, stdin: 'inherit', all: false });
  child.stdout?.pipe(ctx.stdout, { end: false });
  child.stderr?.pipe(ctx.stderr, { end: false });
  const result = await child;
  if (result.exitCode === undefined) throw new ExternalError(`cosign ${args[0]} did not finish`, cosign, 'run it by hand to see why');
  return result.exitCode;
}

/** Like runCosign but captures output; null when cosign is not installed. */
export async function captureCosign(args: string[], env: NodeJS.ProcessEnv): Promise<{ exitCode: number; stdout: string; stderr: string } | null> {
  const cosign = await findCosign(env);
  if (!cosign) return null;
  const { execa } = await import('execa');
  const result = await execa(cosign, args, { env, extendEnv: false, reject: false, timeout: 120_000 });
  return { exitCode: result.exitCode ?? 1, stdout: String(result.stdout), stderr: String(result.stderr) };
}
