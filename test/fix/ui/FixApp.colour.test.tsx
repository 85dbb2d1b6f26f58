import { vi } from 'vitest';

// Ink's colour support is decided when it loads; force it as a colour terminal would.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { FixApp } from '../../../src/fix/ui/FixApp.js';
import { press, waitForText } from '../../ui/keys.js';
import { plannedActions } from './fixture.js';

afterEach(() => cleanup());

const { actions, lintBefore } = plannedActions();

function frameWith(color: boolean) {
  const instance = render(<FixApp actions={actions} before={{ lint: lintBefore }} color={color} onDone={() => {}} />);
  return instance;
}

describe('FixApp colours', () => {
  it('colours the diff and the review mark when colour is on', async () => {
    const instance = frameWith(true);
    await waitForText(instance, 'selected');
    const frame = await press(instance, 'd', '+USER 10001');
    expect(frame).toContain('\u001b[32m+USER 10001:10001');
    expect(frame).toMatch(/\u001b\[33mreview/);
  });

  it('prints no colour codes when colour is off', async () => {
    const instance = frameWith(false);
    await waitForText(instance, 'selected');
    const frame = await press(instance, 'd', '+USER 10001');
    expect(frame).not.toMatch(/\u001b\[(3\d|9\d)m/);
  });
});
