import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';

/** A scripted keyboard and a captured screen for the plain prompts. */
export function fakeTerminal() {
  const stdin = new PassThrough();
  let output = '';
  const stdout = new Writable({
    write(chunk, _encoding, done) {
      output += chunk.toString();
      done();
    },
  });
  // Like process.stdout, the terminal outlives each prompt (the prompts end their output stream when done).
  stdout.end = (() => stdout) as typeof stdout.end;
  return {
    stdin,
    stdout,
    /** Everything written so far, colours removed. */
    text: () => stripVTControlCharacters(output),
    /** Characters written so far (grows with every redraw). */
    written: () => output.length,
  };
}
