import { vi } from 'vitest';

// Ink's colour support is decided when it loads; force it as a colour terminal would.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.js';
import { baseInput, memoryActions } from './fixtures.js';
import { KEY, press, waitForText } from './keys.js';

afterEach(() => cleanup());

async function toReview(color: boolean) {
  const { actions } = memoryActions(new Map([['Dockerfile', 'FROM node\n']]));
  const instance = render(<App input={baseInput()} actions={actions} dirLabel="." color={color} onExit={() => {}} />);
  await waitForText(instance, 'Found in');
  for (let i = 0; i < 20 && !(instance.lastFrame() ?? '').includes('the changes'); i++) await press(instance, KEY.enter);
  return waitForText(instance, 'the changes');
}

describe('semantic colours', () => {
  it('colours added and removed diff lines when colour is on', async () => {
    const frame = await toReview(true);
    expect(frame).toContain('\u001b[32m+FROM node:20');
    expect(frame).toContain('\u001b[31m-FROM node');
  });

  it('NO_COLOR / --no-color: the same screen without colour codes', async () => {
    const frame = await toReview(false);
    expect(frame).toContain('+FROM node:20');
    expect(frame).not.toMatch(/\u001b\[3\dm/);
  });
});
