import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'HI203',
  slug: 'numeric-user',
  level: 'info',
  title: 'Non-numeric user-id may not be resolvable by host system',
  fix: 'Use a numeric `USER <uid>:<gid>` (e.g. `USER 10001:10001`).',
  aliases: ['DL3066'],
  docs: 'Kubernetes `runAsNonRoot` and host tooling can only verify numeric ids; a name needs /etc/passwd in the image (distroless and scratch have none of yours) and can map to root.',
  check(model) {
    return model.instructions
      .filter((i) => i.keyword === 'USER' && !i.onbuild)
      .filter((i) => {
        const [user] = i.text.trim().split(':');
        return user !== '' && !/^\d+$/.test(user) && !user.includes('$');
      })
      .map((i) => ({ line: i.line, column: i.column, message: `Non-numeric user-id "${i.text.trim()}" may not be resolvable by host system` }));
  },
};
