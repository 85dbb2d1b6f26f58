import type { Rule } from '../rule.js';
import { isProgram } from '../shell/index.js';
import { hitsPerRun } from './helpers.js';

const INTERACTIVE = ['ssh', 'vim', 'shutdown', 'service', 'ps', 'free', 'top', 'kill', 'mount', 'ifconfig', 'nano'];

export const rule: Rule = {
  id: 'HI302',
  slug: 'no-interactive-commands',
  level: 'info',
  title: 'Command makes no sense in a Docker build',
  fix: 'Remove commands such as `ssh`, `vim`, `service`, `top` or `kill` from RUN.',
  aliases: ['DL3001'],
  docs: 'A build step has no terminal, no init system and no running services; these commands hang, fail or do nothing.',
  check(model) {
    return hitsPerRun(model, (c) => isProgram(c, ...INTERACTIVE), (c) => `"${c.name}" makes no sense in a Docker build`);
  },
};
