// Adapter: reads the files `harden-init lint` is given, on the main thread or in a lint worker.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../cli/errors.js';

/** `harden-init lint -` lints what comes on standard input, as hadolint does. */
export const STDIN = '-';

/** A path as findings show it: relative to cwd when inside it, with forward slashes. */
export function display(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return (relative && !relative.startsWith('..') ? relative : file).split(path.sep).join('/');
}

/** A file's text; a folder stands for the Dockerfile in it. `implicit`: the user named no file. */
export function readTarget(absolute: string, cwd: string, implicit: boolean): { absolute: string; text: string } {
  const name = display(cwd, absolute);
  try {
    // Synchronous: many small files read faster without a round trip through the thread pool each.
    return { absolute, text: readFileSync(absolute, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') {
      const inside = path.join(absolute, 'Dockerfile');
      if (existsSync(inside)) return readTarget(inside, cwd, false);
      throw new InputError(`cannot lint ${name}: a folder without a Dockerfile`, name, 'name the Dockerfile: harden-init lint path/to/Dockerfile');
    }
    const why = code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? 'error'})`;
    throw new InputError(`cannot lint ${name}: ${why}`, name, code === 'ENOENT' && implicit ? 'run in a folder with a Dockerfile or name the file: harden-init lint path/to/Dockerfile' : 'check the path and permissions');
  }
}
