import type { Rule, RuleHit } from '../rule.js';
import { isInvocation, runInstructions } from './helpers.js';
import { APT_VALUED } from './apt-shared.js';

const MANAGERS: Array<[string[], string[], string[]]> = [
  [['apt-get', 'apt'], ['update'], ['install', 'upgrade', 'dist-upgrade', 'build-dep', 'source']],
  [['yum', 'dnf', 'microdnf'], ['makecache'], ['install', 'upgrade', 'update', 'groupinstall']],
  [['zypper'], ['refresh', 'ref'], ['install', 'in', 'update', 'up', 'patch']],
];

export const rule: Rule = {
  id: 'HI314',
  slug: 'update-with-install',
  level: 'warning',
  title: 'Package index update without an install in the same RUN',
  fix: 'Run `apt-get update` in the same RUN as `apt-get install` (`apt-get update && apt-get install ...`).',
  aliases: ['DS-0017', 'CKV_DOCKER_5', 'CIS-DI-0007'],
  docs: 'The update layer is cached on its own: a later install then uses stale package lists and fails or installs outdated, vulnerable versions.',
  check(model) {
    const hits: RuleHit[] = [];
    for (const instr of runInstructions(model)) {
      const commands = instr.shell().commands;
      for (const [programs, updates, installs] of MANAGERS) {
        if (commands.some((c) => isInvocation(c, programs, updates, APT_VALUED)) && !commands.some((c) => isInvocation(c, programs, installs, APT_VALUED))) {
          hits.push({ line: instr.line, column: instr.column });
          break;
        }
      }
    }
    return hits;
  },
};
