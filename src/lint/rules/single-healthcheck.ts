import type { Rule } from '../rule.js';
import { oncePerStage } from './stage-shared.js';

export const rule: Rule = {
  id: 'HI504',
  slug: 'single-healthcheck',
  level: 'error',
  title: 'Multiple `HEALTHCHECK` instructions',
  fix: 'Keep one HEALTHCHECK per stage.',
  aliases: ['DL3012', 'DS-0023'],
  docs: 'Only the last HEALTHCHECK counts; the others mislead readers about how health is checked.',
  check: oncePerStage('HEALTHCHECK'),
};
