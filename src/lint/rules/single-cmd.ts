import type { Rule } from '../rule.js';
import { oncePerStage } from './stage-shared.js';

export const rule: Rule = {
  id: 'HI502',
  slug: 'single-cmd',
  level: 'warning',
  title: 'Multiple `CMD` instructions found. If you list more than one `CMD` then only the last `CMD` will take effect',
  fix: 'Keep one CMD per stage.',
  aliases: ['DL4003', 'DS-0016'],
  docs: 'Only the last CMD counts; the others mislead readers about what the container runs.',
  check: oncePerStage('CMD'),
};
