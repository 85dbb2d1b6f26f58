import type { Rule, RuleHit } from '../rule.js';
import { isProgram } from '../shell/index.js';
import { copyPaths, isArchive } from './copy-shared.js';

export const rule: Rule = {
  id: 'HI402',
  slug: 'add-to-extract-archives',
  level: 'info',
  title: 'Use ADD for extracting archives into an image',
  fix: 'Replace the COPY of the archive and its extraction with one `ADD archive dest/`.',
  aliases: ['DL3010'],
  docs: 'COPYing an archive and extracting it in a later RUN ships the archive twice (once packed in the COPY layer); ADD unpacks a local archive in one layer.',
  check(model) {
    const hits: RuleHit[] = [];
    const copies = model.instructions.filter((i) => i.keyword === 'COPY' && !i.flags.some((f) => f.name === 'from'));
    for (const copy of copies) {
      const { sources, dest } = copyPaths(copy);
      const base = (p: string) => p.replace(/^["']|["']$/g, '').split(/[\\/]/).pop() as string;
      const archives = sources.filter(isArchive).map(base);
      if (archives.length === 0) continue;
      if (dest !== null && isArchive(dest)) archives.push(base(dest));
      const extracted = model.instructions.some(
        (i) =>
          i.keyword === 'RUN' &&
          i.stage === copy.stage &&
          i.line > copy.line &&
          i.shell().commands.some((c) => isProgram(c, 'tar', 'unzip', 'gunzip', 'bunzip2', 'xz', 'unxz') && c.args.some((a) => archives.includes(base(a)))),
      );
      if (extracted) hits.push({ line: copy.line, column: copy.column });
    }
    return hits;
  },
};
