import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'HI000',
  slug: 'valid-syntax',
  level: 'error',
  title: 'The Dockerfile cannot be parsed',
  fix: 'Fix the Dockerfile syntax so the Docker builder can parse it.',
  aliases: ['DL1000'],
  docs: 'An unknown instruction or an instruction without arguments makes `docker build` fail before it starts. Every other rule reads the file as the builder would, so fix this first.',
  check(model) {
    return model.parseErrors.map((e) => ({ line: e.line, column: e.column, message: e.message }));
  },
};
