import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPatches, planRetrofit } from '../../src/retrofit/index.js';
import { App, type WizardExit } from '../../src/ui/App.js';
import type { InitActions, Prepared, RetrofitChoice } from '../../src/ui/actions.js';
import { initialState, planToWrite, wizardReducer, type WizardState } from '../../src/ui/state.js';
import { planWrites } from '../../src/write/plan.js';
import { fixturesDir } from '../helpers/paths.js';
import { baseInput, memoryActions } from './fixtures.js';
import { KEY, press, waitForText } from './keys.js';

afterEach(() => cleanup());

// The node fixture: a user's insecure Dockerfile and the generator's hardened one for its app.
const existing = readFileSync(path.join(fixturesDir, 'retrofit/node/Dockerfile'), 'utf8');
const generated = readFileSync(path.join(fixturesDir, 'retrofit/node/generated.Dockerfile'), 'utf8');
const plan = planRetrofit(existing, { dockerfile: generated });

function retrofitChoice(): RetrofitChoice {
  return {
    path: 'Dockerfile',
    original: existing,
    rewrite: plan.rewrite,
    patches: plan.patches,
    unsafe: plan.unsafe.map((u) => `${u.what}${u.line ? ` (line ${u.line})` : ''}: ${u.why}`),
    runtimeSecrets: plan.runtimeSecrets,
    secretVariables: Object.fromEntries(plan.secrets.map((s) => [s.id, s.variable])),
  };
}

/** Actions that retrofit the fixture Dockerfile on a memory disk. */
function retrofitActions(disk: Map<string, string>, notes: string[] = []): { actions: InitActions; calls: { write: number } } {
  const memory = memoryActions(disk);
  const prepare = async (): Promise<Prepared> => ({
    plan: planWrites([{ path: 'Dockerfile', content: plan.rewrite }, { path: '.dockerignore', content: '.git\n**/.env\n' }], new Map(disk)),
    notes,
    baseImages: [],
    retrofit: retrofitChoice(),
  });
  return { actions: { ...memory.actions, prepare }, calls: memory.calls };
}

function start(actions: InitActions) {
  const exits: WizardExit[] = [];
  const instance = render(<App input={baseInput()} actions={actions} dirLabel="./shop" color={false} onExit={(exit) => exits.push(exit)} />);
  return { instance, exits };
}

async function toReview(instance: ReturnType<typeof render>) {
  await waitForText(instance, 'Found in');
  for (let i = 0; i < 30; i++) {
    if ((instance.lastFrame() ?? '').includes('How should it change?')) return instance.lastFrame() ?? '';
    await press(instance, KEY.enter);
  }
  throw new Error('never reached the review');
}

describe('review of a retrofit: full rewrite or patch series', () => {
  it('shows both ways, what is not carried over and the build secret ids; Enter takes the full rewrite', async () => {
    const disk = new Map([['Dockerfile', existing]]);
    const { actions } = retrofitActions(disk);
    const { instance } = start(actions);
    const frame = await toReview(instance);
    expect(frame).toContain('◉ Full rewrite');
    expect(frame).toMatch(/○ Patch series \(\d+ of \d+ hunks accepted\)/);
    expect(frame).toContain('Not carried over safely');
    expect(frame).toContain('ENV API_KEY (line 5)');
    expect(frame).toContain('docker run -e API_KEY');
    expect(frame).toContain('docker build --secret id=npm_token,src=<file> .');
    expect(frame).toContain('(was NPM_TOKEN)');
    await press(instance, KEY.enter, 'Next steps:');
    expect(disk.get('Dockerfile')).toBe(plan.rewrite);
  });

  it('a note that carries a diff (compose hardening) shows it under the note, cut short', async () => {
    const added = Array.from({ length: 20 }, (_, i) => `+      - extra${i}`).join('\n');
    const diff = `--- compose.yaml\n+++ compose.yaml\n@@ -1,3 +1,25 @@\n services:\n   web:\n+    read_only: true\n${added}`;
    const disk = new Map([['Dockerfile', existing]]);
    const { actions } = retrofitActions(disk, [`compose.yaml: suggested runtime hardening for web (not applied):\n${diff}`]);
    const { instance } = start(actions);
    const frame = await toReview(instance);
    expect(frame).toContain('! compose.yaml: suggested runtime hardening for web (not applied):');
    expect(frame).toContain('+    read_only: true');
    expect(frame).not.toContain('extra19');
    expect(frame).toMatch(/… \d+ more diff lines/);
  });

  it('patch series: arrows move, n/y/Space reject and accept, Enter writes only the accepted hunks', async () => {
    const disk = new Map([['Dockerfile', existing]]);
    const { actions } = retrofitActions(disk);
    const { instance } = start(actions);
    await toReview(instance);
    const total = plan.patches.length;
    expect(total).toBeGreaterThan(3);
    let frame = await press(instance, 'p', 'Patch series for Dockerfile');
    expect(frame).toContain(`${total} of ${total} hunks accepted`);
    expect(frame).toContain(`❯ [✔] 1. ${plan.patches[0].title.slice(0, 20)}`);
    expect(frame).toContain(`Hunk 1 of ${total}: accepted`);
    // The hunk's own diff is shown.
    const firstAdded = plan.patches[0].diff.split('\n').find((l) => l.startsWith('+') && !l.startsWith('+++'))!;
    expect(frame).toContain(firstAdded.slice(0, 30));
    // n rejects the first hunk and moves on to the second.
    frame = await press(instance, 'n', `Hunk 2 of ${total}: accepted`);
    expect(frame).toContain(`${total - 1} of ${total} hunks accepted`);
    expect(frame).toContain(`[ ] 1. `);
    // Space toggles the second off, then y accepts it again and moves on.
    frame = await press(instance, KEY.space, `Hunk 2 of ${total}: rejected`);
    frame = await press(instance, 'y', `Hunk 3 of ${total}: accepted`);
    // Down to the last, reject it; up goes back.
    for (let i = 3; i < total; i++) await press(instance, KEY.down, `Hunk ${i + 1} of ${total}`);
    frame = await press(instance, KEY.space, `Hunk ${total} of ${total}: rejected`);
    frame = await press(instance, KEY.up, `Hunk ${total - 1} of ${total}`);
    expect(frame).toContain(`${total - 2} of ${total} hunks accepted`);
    // Esc back to the files: the patch series stays chosen, with its count.
    frame = await press(instance, KEY.esc, 'These files will be written');
    expect(frame).toContain(`◉ Patch series (${total - 2} of ${total} hunks accepted)`);
    expect(frame).not.toContain('Not carried over safely');
    await press(instance, 'p', 'Patch series for Dockerfile');
    await press(instance, KEY.enter, 'Next steps:');
    const accepted = plan.patches.slice(1, -1).map((p) => p.id);
    expect(disk.get('Dockerfile')).toBe(applyPatches(existing, accepted, plan.patches));
    expect(disk.get('Dockerfile')).not.toBe(plan.rewrite);
  });

  it('r goes back to the full rewrite from the hunk list', async () => {
    const disk = new Map([['Dockerfile', existing]]);
    const { actions } = retrofitActions(disk);
    const { instance } = start(actions);
    await toReview(instance);
    await press(instance, 'p', 'Patch series for Dockerfile');
    await press(instance, 'n');
    const frame = await press(instance, 'r', '◉ Full rewrite');
    expect(frame).toContain('These files will be written');
    await press(instance, KEY.enter, 'Next steps:');
    expect(disk.get('Dockerfile')).toBe(plan.rewrite);
  });

  it('rejecting every hunk leaves the Dockerfile identical: nothing is written to it', async () => {
    const disk = new Map([['Dockerfile', existing]]);
    const { actions } = retrofitActions(disk);
    const { instance } = start(actions);
    await toReview(instance);
    await press(instance, 'p', 'Patch series for Dockerfile');
    for (let i = 0; i < plan.patches.length; i++) await press(instance, 'n');
    await waitForText(instance, `0 of ${plan.patches.length} hunks accepted`);
    const frame = await press(instance, KEY.esc, 'These files will be written');
    expect(frame).toContain('identical  Dockerfile');
    await press(instance, KEY.enter, 'Next steps:');
    expect(disk.get('Dockerfile')).toBe(existing);
    expect(disk.get('.dockerignore')).toBe('.git\n**/.env\n');
  });
});

describe('a security.txt the user has', () => {
  it('is kept unless chosen: shown as skip, Space takes the generated one', async () => {
    const mine = 'Contact: mailto:me@example.com\n';
    const generatedTxt = 'Contact: mailto:security@example.com\nExpires: 2027-01-01T00:00:00.000Z\n';
    const disk = new Map([['Dockerfile', existing], ['.well-known/security.txt', mine]]);
    const memory = memoryActions(disk);
    const prepare = async (): Promise<Prepared> => ({
      plan: planWrites([{ path: 'Dockerfile', content: plan.rewrite }, { path: '.well-known/security.txt', content: generatedTxt }], new Map(disk)),
      notes: [],
      baseImages: [],
      retrofit: retrofitChoice(),
      keep: ['.well-known/security.txt'],
    });
    const { instance } = start({ ...memory.actions, prepare });
    let frame = await toReview(instance);
    expect(frame).toContain('skip       .well-known/security.txt');
    await press(instance, KEY.down, '❯ skip       .well-known/security.txt');
    frame = await press(instance, KEY.space, 'conflict   .well-known/security.txt');
    expect(frame).toContain('+Expires: 2027-01-01T00:00:00.000Z');
    await press(instance, KEY.enter, 'Next steps:');
    expect(disk.get('.well-known/security.txt')).toBe(generatedTxt);
  });

  it('Enter keeps it', async () => {
    const mine = 'Contact: mailto:me@example.com\n';
    const disk = new Map([['Dockerfile', existing], ['.well-known/security.txt', mine]]);
    const memory = memoryActions(disk);
    const prepare = async (): Promise<Prepared> => ({
      plan: planWrites([{ path: 'Dockerfile', content: plan.rewrite }, { path: '.well-known/security.txt', content: 'Contact: mailto:x@example.com\n' }], new Map(disk)),
      notes: [],
      baseImages: [],
      retrofit: retrofitChoice(),
      keep: ['.well-known/security.txt'],
    });
    const { instance } = start({ ...memory.actions, prepare });
    await toReview(instance);
    const frame = await press(instance, KEY.enter, 'Next steps:');
    expect(frame).toContain('skip       .well-known/security.txt');
    expect(disk.get('.well-known/security.txt')).toBe(mine);
    expect(disk.get('Dockerfile')).toBe(plan.rewrite);
  });
});

describe('retrofit review state', () => {
  function reviewState(): WizardState {
    let state = initialState(baseInput());
    state = { ...state, history: [...state.history, { kind: 'review' }], prepared: { status: 'running' } };
    const prepared: Prepared = { plan: planWrites([{ path: 'Dockerfile', content: plan.rewrite }], new Map([['Dockerfile', existing]])), notes: [], baseImages: [], retrofit: retrofitChoice() };
    return wizardReducer(state, { type: 'prepared', prepared });
  }

  it('starts on the full rewrite with every hunk accepted', () => {
    const state = reviewState();
    expect(state.retrofit.mode).toBe('rewrite');
    expect(state.retrofit.accepted.size).toBe(plan.patches.length);
    expect(planToWrite((state.prepared as { value: Prepared }).value, state.retrofit)[0].content).toBe(plan.rewrite);
  });

  it('keys that mean nothing outside the hunk list change nothing', () => {
    const state = reviewState();
    expect(wizardReducer(state, { type: 'accept', accept: false })).toBe(state);
    const moved = wizardReducer(state, { type: 'move', delta: 1 });
    expect(moved.retrofit).toBe(state.retrofit);
  });

  it('without a retrofit, p and r do nothing', () => {
    let state = initialState(baseInput());
    state = { ...state, history: [...state.history, { kind: 'review' }], prepared: { status: 'done', value: { plan: [], notes: [], baseImages: [] } } };
    expect(wizardReducer(state, { type: 'retrofitMode', mode: 'patches' })).toBe(state);
  });

  it('a Dockerfile the rewrite leaves as it is still gets the patch series when chosen', () => {
    const prepared: Prepared = { plan: [], notes: [], baseImages: [], retrofit: { ...retrofitChoice(), rewrite: existing } };
    const review = { mode: 'patches' as const, accepted: new Set([plan.patches[0].id]) };
    expect(planToWrite(prepared, { ...review, mode: 'rewrite' })).toEqual([]);
    expect(planToWrite(prepared, review)).toEqual([{ path: 'Dockerfile', existing, content: applyPatches(existing, [plan.patches[0].id], plan.patches), action: 'conflict' }]);
  });

  it('submit in the patch series writes the existing file with the accepted hunks', () => {
    let state = reviewState();
    state = wizardReducer(state, { type: 'retrofitMode', mode: 'patches' });
    state = wizardReducer(state, { type: 'accept', accept: false });
    state = wizardReducer(state, { type: 'submit' });
    expect(state.history.at(-1)).toEqual({ kind: 'write' });
    const written = (state.prepared as { value: Prepared }).value.plan[0];
    expect(written.content).toBe(applyPatches(existing, plan.patches.slice(1).map((p) => p.id), plan.patches));
    expect(written.action).toBe('conflict');
  });
});

