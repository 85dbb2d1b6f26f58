import type { render } from 'ink-testing-library';

type Instance = ReturnType<typeof render>;

export const KEY = {
  enter: '\r',
  esc: '\u001b',
  up: '\u001b[A',
  down: '\u001b[B',
  tab: '\t',
  shiftTab: '\u001b[Z',
  backspace: '\u007f',
  ctrlC: '\u0003',
  ctrlU: '\u0015',
  space: ' ',
} as const;

/** Polls lastFrame() until it satisfies `ready` (bounded); no fixed sleeps. */
export async function waitForFrame(instance: Instance, ready: (frame: string) => boolean, what = 'the expected frame', timeoutMs = 4000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = instance.lastFrame() ?? '';
    if (ready(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last frame:\n${frame}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export function waitForText(instance: Instance, text: string | RegExp, timeoutMs?: number): Promise<string> {
  const matches = (frame: string) => (typeof text === 'string' ? frame.includes(text) : text.test(frame));
  return waitForFrame(instance, matches, JSON.stringify(String(text)), timeoutMs);
}

/** Presses a key and waits until the frame changes (or shows `until`). */
export async function press(instance: Instance, key: string, until?: string | RegExp): Promise<string> {
  const before = instance.lastFrame() ?? '';
  instance.stdin.write(key);
  if (until !== undefined) return waitForText(instance, until);
  return waitForFrame(instance, (frame) => frame !== before, `a new frame after ${JSON.stringify(key)}`);
}

/** Types text one key at a time, waiting for each to show. */
export async function type(instance: Instance, text: string): Promise<string> {
  let frame = instance.lastFrame() ?? '';
  for (const char of text) frame = await press(instance, char);
  return frame;
}
