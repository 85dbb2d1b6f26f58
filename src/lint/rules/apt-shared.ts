// What the apt rules share: recognising `apt-get install` and the options it takes with a value.
import type { ShellCommand } from '../shell/index.js';
import { isInvocation, packageArgs } from './helpers.js';

export const APT_VALUED = ['o', 'option', 't', 'target-release', 'c', 'config-file', 'a', 'host-architecture'];

export function isAptGetInstall(command: ShellCommand): boolean {
  return isInvocation(command, ['apt-get'], ['install'], APT_VALUED);
}

export function aptPackages(command: ShellCommand): string[] {
  return packageArgs(command, APT_VALUED);
}
