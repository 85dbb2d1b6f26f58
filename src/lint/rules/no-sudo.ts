import type { Rule } from '../rule.js';
import { isProgram } from '../shell/index.js';
import { hitsPerRun } from './helpers.js';

export const rule: Rule = {
  id: 'HI205',
  slug: 'no-sudo',
  level: 'error',
  title: 'Do not use sudo as it leads to unpredictable behavior',
  fix: 'Remove `sudo`: switch with `USER` around the commands, or use `gosu` in an entrypoint.',
  aliases: ['DL3004', 'DS-0010', 'CKV2_DOCKER_1', 'DKL-DI-0001'],
  docs: 'sudo in an image means a setuid binary and a sudoers policy the runtime user can use to regain root; its TTY and signal handling also misbehave as PID 1.',
  check(model) {
    return hitsPerRun(model, (c) => isProgram(c, 'sudo'));
  },
};
