import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { App, type WizardExit } from '../../src/ui/App.js';
import type { InitActions } from '../../src/ui/actions.js';
import { baseInput, memoryActions, nodeDetection } from './fixtures.js';
import { hintsFor } from '../../src/ui/keys.js';
import { KEY, press, type, waitForFrame, waitForText } from './keys.js';

afterEach(() => cleanup());

function start(actions: InitActions, flags: Record<string, unknown> = {}, color = false) {
  const exits: WizardExit[] = [];
  const instance = render(<App input={baseInput({ flags })} actions={actions} dirLabel="./shop" color={color} onExit={(exit) => exits.push(exit)} />);
  return { instance, exits };
}

async function pressUntil(instance: ReturnType<typeof render>, key: string, text: string | RegExp, max = 30) {
  for (let i = 0; i < max; i++) {
    const frame = instance.lastFrame() ?? '';
    if (typeof text === 'string' ? frame.includes(text) : text.test(frame)) return frame;
    await press(instance, key);
  }
  throw new Error(`never reached ${String(text)}`);
}

describe('detection summary screen', () => {
  it('shows the first frame before detection finishes, then fills in what was found and from where', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { actions } = memoryActions();
    const slow: InitActions = { ...actions, detect: async (app) => (await gate, actions.detect(app)) };
    const { instance } = start(slow);
    expect(instance.lastFrame()).toContain('Looking at ./shop');
    await press(instance, KEY.enter).catch(() => {}); // Enter is ignored while detecting
    expect(instance.lastFrame()).toContain('Looking at ./shop');
    release();
    const frame = await waitForText(instance, 'Found in ./shop');
    expect(frame).toContain('express');
    expect(frame).toContain('package.json: engines.node >=20');
    expect(frame).toContain('both package-lock.json and yarn.lock exist');
    expect(frame).toMatch(/step 1 of 8: Detect/);
  });

  it('when detection fails, says so and lets the user answer', async () => {
    const { actions } = memoryActions(new Map(), { detect: async () => Promise.reject(new Error('unreadable package.json')) });
    const { instance } = start(actions);
    await waitForText(instance, 'unreadable package.json');
    const frame = await press(instance, KEY.enter, 'Which language');
    expect(frame).toContain('step 2 of 8: App');
  });
});

describe('question screens', () => {
  it('app step: progress, choices with arrows, answered list, ? help', async () => {
    const { actions } = memoryActions();
    const { instance } = start(actions);
    await waitForText(instance, 'Found in');
    let frame = await press(instance, KEY.enter, 'Which language');
    expect(frame).toContain('question 1 of 6');
    expect(frame).toContain('❯ node');
    frame = await press(instance, KEY.down, '❯ python');
    frame = await press(instance, KEY.up, '❯ node');
    frame = await press(instance, '?', 'Decides the build stage toolchain');
    frame = await press(instance, KEY.enter, 'Which package manager');
    expect(frame).toContain('✔ Which language is the app written in? node');
  });

  it('runtime step: validation error shown inline, fixed, then accepted', async () => {
    const { actions } = memoryActions();
    const { instance } = start(actions, { language: 'node', packageManager: 'npm', runtimeVersion: '20', framework: 'none', buildCommand: 'none', startCommand: 'node a.js' });
    await waitForText(instance, 'Found in');
    let frame = await press(instance, KEY.enter, 'Which port');
    expect(frame).toContain('step 3 of 8: Runtime');
    await type(instance, '70000');
    frame = await press(instance, KEY.enter, 'must be at most 65535');
    expect(frame).toContain('Which port');
    await press(instance, KEY.ctrlU);
    await type(instance, '8080');
    frame = await press(instance, KEY.enter, 'Which HTTP path');
    expect(frame).toContain('✔ Which port does the app listen on (or none)? 8080');
  });

  it('Esc goes back one question with the answer kept', async () => {
    const { actions } = memoryActions();
    const { instance } = start(actions, { language: 'node', packageManager: 'npm' });
    await waitForText(instance, 'Found in');
    await press(instance, KEY.enter, 'Which runtime version');
    await type(instance, '24');
    await press(instance, KEY.enter, 'Which framework');
    const frame = await press(instance, KEY.esc, '? Which runtime version');
    expect(frame).toMatch(/❯ 24/);
    expect(await press(instance, KEY.esc, 'Found in')).toContain('step 1 of 8');
  });

  it('the version question says when the detected version reached its end of life, and which line is supported', async () => {
    const { actions } = memoryActions(new Map(), { detect: async () => ({ ...nodeDetection, version: '18' }) });
    const exits: WizardExit[] = [];
    const instance = render(
      <App input={baseInput({ flags: { language: 'node', packageManager: 'npm' }, now: new Date('2026-12-04T09:00:00Z') })} actions={actions} dirLabel="./shop" color={false} onExit={(exit) => exits.push(exit)} />,
    );
    await waitForText(instance, 'Found in');
    const frame = await press(instance, KEY.enter, 'Which runtime version');
    expect(frame).toContain('! Node.js 18 reached end of life on 2025-04-30; 24 is supported until 2028-04-30.');
    expect(frame).toMatch(/❯ 18/);
    await type(instance, '24');
    expect(await press(instance, KEY.enter, 'Which framework')).not.toContain('end of life');
  });

  it('base image screen explains the trade-offs of each choice', async () => {
    const { actions } = memoryActions();
    const { instance } = start(actions);
    await waitForText(instance, 'Found in');
    const frame = await pressUntil(instance, KEY.enter, 'Which base should the final image use?');
    expect(frame).toContain('distroless (recommended)');
    expect(frame).toContain('no shell, no package manager');
    expect(frame).toContain('musl libc');
    expect(frame).not.toContain('scratch');
    const next = await press(instance, KEY.down);
    expect(next).toMatch(/❯ alpine/);
  });

  it('security screen: asks and explains when no contact is known; rejects a bad contact', async () => {
    const { actions } = memoryActions(new Map(), { defaults: async () => ({ metadata: {}, gitEmail: null, suggestedSecrets: [] }) });
    const { instance } = start(actions);
    await waitForText(instance, 'Found in');
    let frame = await pressUntil(instance, KEY.enter, 'Where should security researchers report');
    expect(frame).toContain('No contact found');
    frame = await press(instance, KEY.enter, 'is required');
    await type(instance, 'ftp://x');
    frame = await press(instance, KEY.enter, 'must start with mailto: or https:');
    await press(instance, KEY.ctrlU);
    await type(instance, 'sec@shop.example');
    frame = await press(instance, KEY.enter, 'disclosure policy');
    expect(frame).toContain('mailto:sec@shop.example');
  });
});

describe('review, write and next steps', () => {
  it('review lists the files with verbs and a coloured diff for an existing file; Enter writes', async () => {
    const disk = new Map([['Dockerfile', 'FROM node\nUSER root\n'], ['.dockerignore', '.git\n.env*\n']]);
    const { actions, calls } = memoryActions(disk);
    const { instance, exits } = start(actions);
    await waitForText(instance, 'Found in');
    let frame = await pressUntil(instance, KEY.enter, 'These files will be written');
    frame = await waitForText(instance, 'the changes');
    expect(frame).toContain('conflict   Dockerfile');
    expect(frame).toContain('identical  .dockerignore');
    expect(frame).toContain('create     .well-known/security.txt');
    expect(frame).toContain('-USER root');
    expect(frame).toContain('+FROM node:20');
    expect(frame).toContain('1 more diff lines'); // a small terminal: counted, not silently cut
    expect(frame).toContain('Ctrl+C quit, write nothing');
    expect(frame).toContain('Space keep mine / replace');
    expect(calls.write).toBe(0);
    frame = await press(instance, KEY.enter, 'Press Enter for next steps');
    expect(frame).toContain('write      Dockerfile');
    // written: quitting now keeps the files
    expect(frame).toContain('Ctrl+C quit ·');
    expect(frame).not.toContain('write nothing');
    expect(disk.get('Dockerfile')).toContain('USER 10001:10001');
    frame = await press(instance, KEY.enter, 'Next steps');
    expect(frame).toContain('harden-init lint Dockerfile');
    // build and scan name the same image (the app's title), so scan finds what build made
    expect(frame).toContain('harden-init build . --tag shop:latest --run');
    await press(instance, KEY.down);
    await press(instance, KEY.down);
    instance.stdin.write(KEY.enter);
    await waitForFrame(instance, () => exits.length > 0, 'the wizard to exit');
    expect(exits[0]).toMatchObject({ kind: 'done', handOver: ['scan', 'shop:latest', '--file', 'Dockerfile'] });
  });

  it('Space keeps an existing file; Esc from review goes back to the questions', async () => {
    const disk = new Map([['Dockerfile', 'mine\n']]);
    const { actions } = memoryActions(disk);
    const { instance } = start(actions);
    await waitForText(instance, 'Found in');
    await pressUntil(instance, KEY.enter, 'the changes');
    let frame = await press(instance, KEY.space, 'skip       Dockerfile');
    expect(frame).toContain('kept as is');
    frame = await press(instance, KEY.esc, 'security.txt be served');
    frame = await press(instance, KEY.enter, 'the changes');
    frame = await press(instance, KEY.space, 'skip       Dockerfile');
    await press(instance, KEY.enter, 'Press Enter for next steps');
    expect(disk.get('Dockerfile')).toBe('mine\n');
  });

  it('a generation failure is shown, and Esc goes back', async () => {
    const { actions } = memoryActions(new Map(), { prepare: async () => Promise.reject(new Error('no template for elixir')) });
    const { instance } = start(actions);
    await waitForText(instance, 'Found in');
    await pressUntil(instance, KEY.enter, 'no template for elixir');
    await press(instance, KEY.esc, 'security.txt be served');
  });
});

describe('Ctrl+C', () => {
  it('quits at any point before writing and writes nothing', async () => {
    for (const stopAt of ['Found in', 'Which port', 'Which base', 'These files will be written']) {
      const disk = new Map([['Dockerfile', 'mine\n']]);
      const { actions, calls } = memoryActions(disk);
      const { instance, exits } = start(actions);
      await waitForText(instance, 'Found in');
      await pressUntil(instance, KEY.enter, stopAt);
      instance.stdin.write(KEY.ctrlC);
      await waitForFrame(instance, () => exits.length > 0, 'the wizard to exit');
      expect(exits[0].kind).toBe('cancelled');
      expect(calls.write).toBe(0);
      expect([...disk]).toEqual([['Dockerfile', 'mine\n']]);
      cleanup();
    }
  });
});

describe('terminal size and colour', () => {
  it('wraps long paths in a narrow terminal instead of cutting them', async () => {
    const longPath = 'apps/a-really-long-service-name/with/nested/folders/.well-known/security.txt';
    const { actions } = memoryActions(new Map(), {
      prepare: async () => ({ plan: [{ path: longPath, content: 'x', existing: null, action: 'create' }], notes: [], baseImages: [] }),
    });
    const { instance } = start(actions);
    Object.defineProperty(instance.stdout, 'columns', { get: () => 40 });
    await waitForText(instance, 'Found in');
    const frame = await pressUntil(instance, KEY.enter, 'These files will be written');
    expect(frame.replace(/\s+/g, '')).toContain(longPath);
    expect(frame.split('\n').every((line) => line.length <= 40)).toBe(true);
  });

  it('no colour codes when colour is off', async () => {
    const { actions } = memoryActions(new Map([['Dockerfile', 'old\n']]));
    const { instance } = start(actions, {}, false);
    await waitForText(instance, 'Found in');
    const frame = await pressUntil(instance, KEY.enter, 'the changes');
    expect(frame).not.toMatch(/\u001b\[3\dm/);
  });
});

describe('footer hints', () => {
  it('offer Space only where there is a file to keep, and name it for hunks in a patch series', () => {
    const review = (replaces: boolean, hunks: boolean) => hintsFor('review', { replaces, hunks }).map((h) => `${h.label} ${h.description}`);
    expect(review(false, false).some((h) => h.startsWith('Space'))).toBe(false);
    expect(review(true, false)).toContain('Space keep mine / replace');
    expect(review(true, true)).toContain('Space accept / reject the hunk');
    expect(hintsFor('question').map((h) => h.description)).toContain('quit, write nothing');
    expect(hintsFor('next').map((h) => h.description)).toContain('quit');
  });
});
