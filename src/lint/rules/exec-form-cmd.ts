import type { Edit, Rule } from '../rule.js';
import type { DockerfileModel, Instr } from '../model.js';
import { tokenize } from '../shell/index.js';

function offending(model: DockerfileModel): Instr[] {
  return model.instructions.filter((i) => {
    if (i.keyword === 'HEALTHCHECK') {
      const rest = /^\s*CMD\s+(.*)$/is.exec(i.args.join(' '));
      return rest !== null && !/^\[/.test(rest[1].trim());
    }
    return (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && !i.exec && i.text.trim() !== '';
  });
}

/** The exec-form words of a shell-form command, or null when it uses any shell feature. */
export function plainWords(text: string): string[] | null {
  if (/[$`*?[\]~{}\\!#]/.test(text)) return null;
  const tokens = tokenize(text);
  if (tokens.some((t) => t.kind === 'op')) return null;
  return tokens.map((t) => (t.kind === 'word' ? t.value : ''));
}

export const rule: Rule = {
  id: 'HI501',
  slug: 'exec-form-cmd',
  level: 'warning',
  title: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments',
  fix: 'Write CMD/ENTRYPOINT in exec form: `CMD ["node", "server.js"]`.',
  aliases: ['DL3025', 'JSONArgsRecommended'],
  docs: 'Shell form runs the app under `/bin/sh -c`, so the app is not PID 1 and never receives SIGTERM: `docker stop` waits ten seconds and kills it. Distroless and scratch images have no shell at all.',
  check(model) {
    return offending(model).map((i) => ({ line: i.line, column: i.column }));
  },
  fixer(model) {
    const edits: Edit[] = [];
    for (const instr of offending(model)) {
      if (instr.onbuild || instr.line !== instr.endLine || instr.keyword === 'HEALTHCHECK') continue;
      const words = plainWords(instr.text);
      if (!words || words.length === 0) continue;
      const trimmed = instr.raw.replace(/\s+$/, '');
      edits.push({ start: instr.rawStart, end: instr.rawStart + trimmed.length, text: JSON.stringify(words).replace(/","/g, '", "') });
    }
    return edits;
  },
};
