import type { Edit, Rule } from '../rule.js';
import type { DockerfileModel, Instr } from '../model.js';
import { copyPaths, isArchive, isUrl } from './copy-shared.js';

const ADD_ONLY_FLAGS = ['checksum', 'keep-git-dir', 'unpack', 'exclude'];

function localFilesOnly(instr: Instr): boolean {
  const { sources } = copyPaths(instr);
  return sources.length > 0 && sources.every((s) => !isUrl(s) && !isArchive(s));
}

function offending(model: DockerfileModel): Instr[] {
  return model.instructions.filter((i) => i.keyword === 'ADD' && localFilesOnly(i));
}

export const rule: Rule = {
  id: 'HI401',
  slug: 'copy-not-add',
  level: 'error',
  title: 'Use COPY instead of ADD for files and folders',
  fix: 'Replace `ADD` with `COPY` for local files.',
  aliases: ['DL3020', 'DS-0005', 'CKV_DOCKER_4', 'CIS-DI-0009'],
  docs: 'ADD also fetches URLs and unpacks archives, so a renamed file can change what lands in the image. COPY does only what it says.',
  check(model) {
    return offending(model).map((i) => ({ line: i.line, column: i.column }));
  },
  fixer(model) {
    const edits: Edit[] = [];
    for (const instr of offending(model)) {
      if (instr.onbuild || instr.flags.some((f) => ADD_ONLY_FLAGS.includes(f.name))) continue;
      const start = instr.start + instr.column - 1;
      if (model.text.slice(start, start + 3).toUpperCase() !== 'ADD') continue;
      edits.push({ start, end: start + 3, text: instr.written === 'add' ? 'copy' : 'COPY' });
    }
    return edits;
  },
};
