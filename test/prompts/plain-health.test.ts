import { describe, expect, it } from 'vitest';
import { runPlain } from '../../src/prompts/plain.js';
import { makeTheme } from '../../src/ui/theme.js';
import { memoryActions, nodeDetection, now } from '../ui/fixtures.js';
import { fakeTerminal } from './terminal.js';

describe('a detected health route in the plain prompts', () => {
  it('is listed with its line, and the health check question says where its default was found', async () => {
    const detection = { ...nodeDetection, healthcheck: '/healthz', evidence: [...nodeDetection.evidence, { file: 'src/server.js', line: 12, fact: "health route app.get('/healthz')" }] };
    const { actions } = memoryActions(new Map(), { detect: async () => detection });
    const { stdin, stdout, text, written } = fakeTerminal();
    const run = runPlain({ input: { flags: {}, detection: null, now }, actions, dirLabel: './shop', theme: makeTheme(false), force: false, stdin, stdout });
    // Enter through the questions before it: one Enter each time the output settles on a new prompt (bounded polling, no fixed sleeps).
    let pressedAt = -1;
    let seen = -1;
    let still = 0;
    for (let i = 0; i < 20_000 && !text().includes('Which HTTP path'); i++) {
      still = written() === seen ? still + 1 : 0;
      seen = written();
      if (still >= 5 && written() !== pressedAt) {
        pressedAt = written();
        stdin.write('\r');
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(text()).toContain("  src/server.js:12: health route app.get('/healthz')");
    const asked = text().slice(text().lastIndexOf('detected:'));
    expect(asked).toMatch(/^detected: src\/server\.js:12: health route app\.get\('\/healthz'\)\n.*Which HTTP path answers health checks \(or none\)\? \(\? for help\) \(\/healthz\)/);
    stdin.write('\u0003');
    expect((await run).kind).toBe('cancelled');
  });
});
