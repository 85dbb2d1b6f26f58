import { runPlain, type PlainResult } from '../../src/prompts/plain.js';
import { makeTheme } from '../../src/ui/theme.js';
import { createInitActions } from '../../src/write/run.js';
import { fakeTerminal } from './terminal.js';

/** Runs the plain prompts over the real actions and write layer, with a scripted keyboard. */
export function startPlain(dir: string, flags: Record<string, unknown>, now = new Date('2026-01-01T00:00:00Z')) {
  const { stdin, stdout, text: output } = fakeTerminal();
  const run: Promise<PlainResult> = runPlain({
    input: { flags, detection: null, now },
    actions: createInitActions(dir, { now }),
    dirLabel: dir,
    theme: makeTheme(false),
    force: false,
    stdin,
    stdout,
  });
  let seen = 0;
  /** Waits (bounded, polling) until the output past what was answered shows `text`. */
  const waitFor = async (text: string | RegExp, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const plain = output();
      const fresh = plain.slice(seen);
      const match = typeof text === 'string' ? (fresh.includes(text) ? { index: fresh.indexOf(text), 0: text } : null) : text.exec(fresh);
      if (match) {
        // What follows the match is still unseen: the next wait looks there.
        seen += match.index + match[0].length;
        return fresh.slice(0, match.index + match[0].length);
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; output:\n${output().slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const send = (keys: string) => stdin.write(keys);
  return { run, waitFor, send, output };
}

export const ENTER = '\r';
export const DOWN = '\u001b[B';

/** Enter on every question until the review starts. */
export async function answerDefaults(session: ReturnType<typeof startPlain>) {
  for (;;) {
    const fresh = await session.waitFor(/(^|\n)\? (How should Dockerfile change\?)?/);
    if (fresh.includes('How should Dockerfile change?')) return fresh;
    session.send(ENTER);
    // One Enter per question: wait for it to be answered before looking for the next.
    await session.waitFor('✔');
  }
}
