import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.js';
import { baseInput, memoryActions, nodeDetection } from './fixtures.js';
import { KEY, press, waitForText } from './keys.js';

afterEach(() => cleanup());

const withRoute = { ...nodeDetection, healthcheck: '/healthz', evidence: [...nodeDetection.evidence, { file: 'src/server.js', line: 12, fact: "health route app.get('/healthz')" }] };

describe('a detected health route in the wizard', () => {
  it('shows on the detect screen with its line, and is the health check question default with where it was found', async () => {
    const { actions } = memoryActions(new Map(), { detect: async () => withRoute });
    const instance = render(<App input={baseInput()} actions={actions} dirLabel="./shop" color={false} onExit={() => {}} />);
    const found = await waitForText(instance, 'Found in ./shop');
    expect(found).toMatch(/health check\s+\/healthz/);
    expect(found).toContain("src/server.js:12: health route app.get('/healthz')");
    let frame = found;
    for (let i = 0; i < 20 && !frame.includes('Which HTTP path'); i++) frame = await press(instance, KEY.enter);
    expect(frame).toContain('❯ /healthz');
    expect(frame).toContain("detected: src/server.js:12: health route app.get('/healthz')");
  });
});
