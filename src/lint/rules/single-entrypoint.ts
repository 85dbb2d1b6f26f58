import type { Rule } from '../rule.js';
import { oncePerStage } from './stage-shared.js';

export const rule: Rule = {
  id: 'HI503',
  slug: 'single-entrypoint',
  level: 'error',
  title: 'Multiple `ENTRYPOINT` instructions found. If you list more than one `ENTRYPOINT` then only the last `ENTRYPOINT` will take effect',
  fix: 'Keep one ENTRYPOINT per stage.',
  aliases: ['DL4004', 'DS-0007'],
  docs: 'Only the last ENTRYPOINT counts; the others mislead readers about what the container runs.',
  check: oncePerStage('ENTRYPOINT'),
};
