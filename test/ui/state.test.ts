import { describe, expect, it } from 'vitest';
import { currentScreen, initialState, plannedQuestions, progressOf, wizardReducer, type WizardAction, type WizardState } from '../../src/ui/state.js';
import { baseInput, defaults, nodeDetection } from './fixtures.js';

const run = (state: WizardState, ...actions: WizardAction[]) => actions.reduce(wizardReducer, state);
const detected = (flags: Record<string, unknown> = {}) =>
  run(initialState(baseInput({ flags })), { type: 'detected', detection: nodeDetection, defaults });
const where = (state: WizardState) => {
  const screen = currentScreen(state);
  return screen.kind === 'question' ? screen.id : screen.kind;
};
const enter = { type: 'submit' } as const;
const edit = { type: 'edit' } as const;
const esc = { type: 'back' } as const;
/** Presses Enter until the review, recording where each press lands. */
function enterToReview(state: WizardState): { state: WizardState; visited: string[] } {
  const visited: string[] = [];
  while (currentScreen(state).kind !== 'review' && visited.length < 30) {
    state = run(state, enter);
    visited.push(where(state));
    expect(state.error).toBeNull();
  }
  return { state, visited };
}

describe('wizard navigation', () => {
  it('Enter and e wait for detection on the first screen', () => {
    expect(where(run(initialState(baseInput()), enter))).toBe('detect');
    expect(where(run(initialState(baseInput()), edit))).toBe('detect');
  });

  it('Enter on the detect screen accepts every detected answer and asks only the base image and the security contact', () => {
    const { state, visited } = enterToReview(detected());
    expect(visited).toEqual(['base', 'contact', 'review']);
    expect(state.answers).toMatchObject({
      language: 'node', packageManager: 'npm', runtimeVersion: '20', framework: 'express', buildCommand: null, startCommand: 'node src/server.js',
      port: 3000, healthcheck: 'none', uid: 10001, appDir: '/app', base: 'distroless',
      security: { contact: 'mailto:sec@shop.example', expires: '2026-03-14T00:00:00Z' },
    });
    expect(state.prepared.status).toBe('running');
    expect(progressOf(run(detected(), enter))).toMatchObject({ title: 'Base image', question: { index: 0, count: 1 } });
  });

  it('what detection could not fill is always asked, in model order, before the choices that matter', () => {
    const partial = { ...nodeDetection, version: null, start: null, port: null };
    const start = run(initialState(baseInput()), { type: 'detected', detection: partial, defaults });
    const { state, visited } = enterToReview(start);
    expect(visited).toEqual(['runtimeVersion', 'startCommand', 'port', 'base', 'contact', 'review']);
    // Asked with the fallback as the suggestion: the runtime's current release line, a start command for the language.
    expect(state.answers).toMatchObject({ runtimeVersion: '22', startCommand: 'node index.js', port: null });
  });

  it('when detection failed, Enter asks every answer detection would have given', () => {
    let state = run(initialState(baseInput()), { type: 'detectFailed', message: 'unreadable package.json' }, enter);
    expect(where(state)).toBe('language');
    expect(state.error).toBeNull();
    state = run(state, enter);
    expect(where(state)).toBe('packageManager');
    expect(state.values.language).toBe('node');
  });

  it('a flag answer is taken; an invalid flag is asked with its problem shown, also when accepting', () => {
    const state = run(detected({ port: '99999', base: 'alpine' }), enter);
    expect(where(state)).toBe('port');
    expect(state.error).toBe('must be at most 65535');
    const rest = enterToReview(run(state, { type: 'clear' }, { type: 'type', text: '8080' }));
    expect(rest.visited).toEqual(['contact', 'review']);
    expect(rest.state.answers).toMatchObject({ port: 8080, base: 'alpine' });
  });

  it('e goes back over every answer; Esc from there returns to the detect screen, where Enter accepts again', () => {
    let state = run(detected(), edit);
    expect(where(state)).toBe('language');
    state = run(state, enter, enter, { type: 'type', text: '24' }, enter);
    expect(where(state)).toBe('framework');
    state = run(state, esc, esc, esc, esc);
    expect(where(state)).toBe('detect');
    // The answer changed on the way is kept when accepting.
    const { state: accepted, visited } = enterToReview(state);
    expect(visited).toEqual(['base', 'contact', 'review']);
    expect(accepted.answers?.runtimeVersion).toBe('24');
  });

  it('e (or Down) walks every question in model order to the review, with detected defaults', () => {
    let state = run(detected(), edit);
    const visited: string[] = [where(state)];
    while (currentScreen(state).kind !== 'review') {
      state = run(state, enter);
      visited.push(where(state));
      expect(state.error).toBeNull();
    }
    expect(visited).toEqual([
      'language', 'packageManager', 'runtimeVersion', 'framework', 'buildCommand', 'startCommand',
      'port', 'healthcheck', 'buildSecrets', 'uid', 'appDir', 'base', 'contact', 'policy', 'expires', 'securityUrl', 'review',
    ]);
    expect(progressOf(run(detected(), edit))).toMatchObject({ title: 'App', question: { index: 0, count: 6 } });
    expect(state.answers).toMatchObject({ language: 'node', port: 3000, base: 'distroless', security: { contact: 'mailto:sec@shop.example', expires: '2026-03-14T00:00:00Z' } });
    expect(state.prepared.status).toBe('running');
  });

  it('flag answers skip their questions; an invalid flag is asked with its problem shown', () => {
    let state = run(detected({ language: 'node', packageManager: 'pnpm', port: '99999' }), edit);
    expect(where(state)).toBe('runtimeVersion');
    for (let i = 0; i < 4; i++) state = run(state, enter);
    expect(where(state)).toBe('port');
    expect(state.error).toBe('must be at most 65535');
    expect(state.draft.text).toBe('99999');
    state = run(state, { type: 'erase' }, { type: 'erase' }, { type: 'type', text: '0' }, enter);
    expect(where(state)).toBe('healthcheck');
    expect(state.values.port).toBe('9990');
    expect(state.values.packageManager).toBe('pnpm');
  });

  it('shows validation errors inline and stays on the question', () => {
    let state = run(detected(), edit, enter, enter);
    expect(where(state)).toBe('runtimeVersion');
    state = run(state, { type: 'type', text: 'latest' }, enter);
    expect(where(state)).toBe('runtimeVersion');
    expect(state.error).toMatch(/version like 22/);
    state = run(state, { type: 'clear' }, { type: 'type', text: '22' }, enter);
    expect(where(state)).toBe('framework');
    expect(state.values.runtimeVersion).toBe('22');
  });

  it('the first key replaces the suggestion; later keys append', () => {
    const state = run(detected(), edit, enter, enter, { type: 'type', text: '2' }, { type: 'type', text: '4' });
    expect(state.draft.text).toBe('24');
  });

  it('Esc goes back one question and keeps the answers', () => {
    let state = run(detected(), edit, enter, enter, { type: 'type', text: '24' }, enter);
    expect(where(state)).toBe('framework');
    state = run(state, esc);
    expect(where(state)).toBe('runtimeVersion');
    expect(state.draft.text).toBe('24');
    state = run(state, esc, esc, esc);
    expect(where(state)).toBe('detect');
    expect(run(state, esc)).toEqual(state);
    expect(state.values.runtimeVersion).toBe('24');
  });

  it('arrows move through choices; changing the language resets answers derived from it', () => {
    let state = run(detected(), edit);
    expect(where(state)).toBe('language');
    state = run(state, { type: 'move', delta: 1 }, enter);
    expect(state.values.language).toBe('python');
    expect(state.draft.text).toBe('pip');
    state = run(state, esc, { type: 'move', delta: -1 }, enter, enter, enter);
    expect(state.values).toMatchObject({ language: 'node', packageManager: 'npm', runtimeVersion: '20' });
  });

  it('asks the health check only with a port, and the progress counts the step questions', () => {
    let state = run(detected(), edit, enter, enter, enter, enter, enter, enter);
    expect(where(state)).toBe('port');
    expect(progressOf(state)).toMatchObject({ title: 'Runtime', question: { index: 0, count: 5 } });
    state = run(state, { type: 'type', text: 'none' }, enter);
    expect(where(state)).toBe('buildSecrets');
    expect(plannedQuestions(state).map((q) => q.id)).not.toContain('healthcheck');
  });

  it('? toggles help of the current question', () => {
    const state = run(detected(), edit, { type: 'help' });
    expect(state.help).toBe(true);
    expect(run(state, { type: 'help' }).help).toBe(false);
  });

  it('review: Space keeps a conflicting file, Enter writes, Esc goes back to the last question', () => {
    let state = detected();
    while (currentScreen(state).kind !== 'review') state = run(state, enter);
    state = run(state, esc);
    expect(where(state)).toBe('contact');
    state = run(state, enter);
    state = run(state, {
      type: 'prepared',
      prepared: {
        plan: [
          { path: 'Dockerfile', content: 'new', existing: 'old', action: 'conflict' },
          { path: '.dockerignore', content: 'x', existing: null, action: 'create' },
        ],
        notes: [],
        baseImages: [],
      },
    });
    state = run(state, { type: 'toggle' });
    expect([...state.keep]).toEqual(['Dockerfile']);
    state = run(state, { type: 'move', delta: 1 }, { type: 'toggle' });
    expect([...state.keep]).toEqual(['Dockerfile']);
    state = run(state, enter);
    expect(where(state)).toBe('write');
    expect(run(state, esc)).toBe(state);
  });

  it('quit ends the wizard as cancelled and ignores everything after', () => {
    const state = run(detected(), enter, { type: 'quit' }, enter);
    expect(state.exit).toEqual({ kind: 'cancelled' });
    expect(where(state)).toBe('base');
  });

  it('once written, the next steps are on screen at once; the choice hands over to the command', () => {
    let state = detected();
    while (currentScreen(state).kind !== 'review') state = run(state, enter);
    state = run(state, { type: 'prepared', prepared: { plan: [], notes: [], baseImages: [] } }, enter);
    expect(where(state)).toBe('write');
    state = run(state, { type: 'written', statuses: [{ verb: 'create', path: 'Dockerfile' }] });
    expect(where(state)).toBe('next');
    state = run(state, { type: 'move', delta: 1 }, enter);
    expect(state.exit).toMatchObject({ kind: 'done', handOver: ['build', '.', '--tag', expect.stringMatching(/^[a-z0-9][a-z0-9._-]*:latest$/), '--run'] });
  });
});
