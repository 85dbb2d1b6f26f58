import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { FixApp } from '../../../src/fix/ui/FixApp.js';
import { KEY, press, waitForFrame, waitForText } from '../../ui/keys.js';
import { plannedActions } from './fixture.js';

afterEach(() => cleanup());

const { actions, lintBefore } = plannedActions();
const safe = actions.filter((a) => a.safe);
const safeRemoves = safe.flatMap((a) => a.removes).length;

function start(color = false) {
  const done: (string[] | null)[] = [];
  const instance = render(<FixApp actions={actions} before={{ lint: lintBefore, scan: 4 }} scanLabel="audit" color={color} onDone={(ids) => done.push(ids)} />);
  return { instance, done };
}

const row = (frame: string, id: string) => {
  const title = actions.find((a) => a.id === id)!.title.slice(0, 30);
  return frame.split('\n').find((l) => l.includes(title)) ?? '';
};

describe('FixApp', () => {
  it('lists every action with the findings it removes, safe ones checked, unsafe ones marked for review', async () => {
    const { instance } = start();
    const frame = await waitForText(instance, `harden-init fix: ${actions.length} actions`);
    expect(frame).toContain('-N: findings the action removes');
    for (const a of safe) expect(row(frame, a.id)).toMatch(/\[x\] -1 {3}\S/);
    expect(row(frame, 'deps:package.json')).toMatch(/\[ \] -2 {3}review Bump 1 dependency/);
    // one line per action, cut to the terminal's width rather than wrapped
    expect(frame.split('\n').filter((l) => /^[ ❯] \[[x ]\]/.test(l))).toHaveLength(actions.length);
    expect(frame).toContain(`${safe.length} of ${actions.length} selected, expected to remove ${safeRemoves} findings`);
    expect(frame).toContain(`lint ${lintBefore} -> ${lintBefore - safeRemoves}, audit 4 -> 4 (before -> expected after)`);
    // the action under the cursor explains itself
    expect(frame).toContain(`effect: ${actions[0].effect}`);
    expect(frame).toContain('space: toggle');
  });

  it('space toggles the action under the cursor and the counts follow', async () => {
    const { instance } = start();
    await waitForText(instance, 'selected');
    let frame = await press(instance, KEY.space);
    expect(row(frame, actions[0].id)).toContain('[ ]');
    expect(frame).toContain(`${safe.length - 1} of ${actions.length} selected, expected to remove ${safeRemoves - 1} findings`);
    expect(frame).toContain(`lint ${lintBefore} -> ${lintBefore - safeRemoves + 1}`);
    // to the last (review) action, wrapping around with up
    frame = await press(instance, KEY.up);
    expect(row(frame, 'deps:package.json')).toMatch(/^❯/);
    expect(frame).toContain('then: run `npm install`');
    frame = await press(instance, KEY.space);
    expect(row(frame, 'deps:package.json')).toContain('[x]');
    expect(frame).toContain('audit 4 -> 2');
  });

  it('d shows the diff of the action under the cursor, d again hides it', async () => {
    const { instance } = start();
    await waitForText(instance, 'selected');
    let frame = await press(instance, 'd', '+USER 10001:10001');
    expect(frame).toContain('--- a/Dockerfile');
    frame = await press(instance, KEY.down, /❯ \[x\] -1 +Add `-y`/);
    expect(frame).not.toContain('+USER 10001:10001');
    expect(frame).toMatch(/\+RUN apt-get update && apt-get install -y curl/);
    frame = await press(instance, 'd');
    expect(frame).not.toContain('--- a/Dockerfile');
  });

  it('enter applies: reports the chosen ids in plan order and exits', async () => {
    const { instance, done } = start();
    await waitForText(instance, 'selected');
    await press(instance, KEY.down);
    await press(instance, KEY.space);
    instance.stdin.write(KEY.enter);
    await waitForFrame(instance, () => done.length > 0, 'onDone');
    expect(done).toEqual([safe.filter((_, i) => i !== 1).map((a) => a.id)]);
  });

  it('a then enter applies every action, review ones included', async () => {
    const { instance, done } = start();
    await waitForText(instance, 'selected');
    await press(instance, 'a', `${actions.length} of ${actions.length} selected`);
    await press(instance, 'a', `0 of ${actions.length} selected`);
    await press(instance, 'a', `${actions.length} of ${actions.length} selected`);
    instance.stdin.write(KEY.enter);
    await waitForFrame(instance, () => done.length > 0, 'onDone');
    expect(done).toEqual([actions.map((a) => a.id)]);
  });

  it('q quits with nothing chosen', async () => {
    const { instance, done } = start();
    await waitForText(instance, 'selected');
    instance.stdin.write('q');
    await waitForFrame(instance, () => done.length > 0, 'onDone');
    expect(done).toEqual([null]);
  });

  it('on a short screen shows a window of the list that follows the cursor', async () => {
    const instance = render(<FixApp actions={actions} before={{ lint: lintBefore }} color={false} rows={16} onDone={() => {}} />);
    let frame = await waitForText(instance, 'selected');
    const rowsShown = (f: string) => f.split('\n').filter((l) => /^[ ❯] \[[x ]\]/.test(l)).length;
    expect(rowsShown(frame)).toBe(5);
    expect(frame).toContain(`↓ ${actions.length - 5} more`);
    expect(frame).not.toContain('↑');
    frame = await press(instance, KEY.up); // wraps to the last action
    expect(row(frame, 'deps:package.json')).toMatch(/^❯/);
    expect(frame).toContain(`↑ ${actions.length - 5} more`);
    expect(frame).not.toContain('↓');
    expect(rowsShown(frame)).toBe(5);
  });
});
