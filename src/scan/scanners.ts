import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ScannerAdapter } from './adapter.js';
import { grypeScanner } from './grype.js';
import { scoutScanner } from './scout.js';
import { snykScanner } from './snyk.js';
import { trivyScanner } from './trivy.js';

/** The outside scanners, in the order `--scanner auto` tries them. Adding one: a file plus a line here. */
export const SCANNERS: readonly ScannerAdapter[] = [trivyScanner, grypeScanner, scoutScanner, snykScanner];

export function scannerByName(name: string): ScannerAdapter | undefined {
  return SCANNERS.find((s) => s.name === name);
}

async function executable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Full path of `binary` on `env.PATH`, or null. */
export async function findOnPath(binary: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const names = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').map((ext) => binary + ext.toLowerCase()) : [binary];
  for (const dir of dirs) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (await executable(candidate)) return candidate;
    }
  }
  return null;
}

function pluginDirs(env: NodeJS.ProcessEnv): string[] {
  const config = env.DOCKER_CONFIG ?? path.join(env.HOME ?? os.homedir(), '.docker');
  return [path.join(config, 'cli-plugins'), '/usr/local/lib/docker/cli-plugins', '/usr/local/libexec/docker/cli-plugins', '/usr/lib/docker/cli-plugins', '/usr/libexec/docker/cli-plugins'];
}

/** The executable that runs this scanner, or null when it is not installed. */
export async function locateScanner(scanner: ScannerAdapter, env: NodeJS.ProcessEnv): Promise<string | null> {
  const binary = await findOnPath(scanner.binary, env);
  if (!binary || !scanner.plugin) return binary;
  for (const dir of pluginDirs(env)) {
    if (await executable(path.join(dir, scanner.plugin))) return binary;
  }
  return null;
}
