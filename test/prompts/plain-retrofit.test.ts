import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPlain, type PlainResult } from '../../src/prompts/plain.js';
import { makeTheme } from '../../src/ui/theme.js';
import { createInitActions } from '../../src/write/run.js';
import { fixturesDir } from '../helpers/paths.js';
import { fakeTerminal } from './terminal.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The node retrofit fixture in a fresh folder: the app and the user's insecure Dockerfile. */
function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'plain-retrofit-'));
  dirs.push(dir);
  cpSync(path.join(fixturesDir, 'retrofit/node/app'), dir, { recursive: true });
  cpSync(path.join(fixturesDir, 'retrofit/node/Dockerfile'), path.join(dir, 'Dockerfile'));
  return dir;
}

/** Runs the plain prompts over the real actions and write layer, with a scripted keyboard. */
function startPlain(dir: string, now = new Date('2026-01-01T00:00:00Z')) {
  const { stdin, stdout, text: output } = fakeTerminal();
  const flags = { contact: 'mailto:security@example.com', pin: false };
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

const ENTER = '\r';
const DOWN = '\u001b[B';

/** Enter on every question until the review starts. */
async function answerDefaults(session: ReturnType<typeof startPlain>) {
  for (;;) {
    const fresh = await session.waitFor(/(^|\n)\? (How should Dockerfile change\?)?/);
    if (fresh.includes('How should Dockerfile change?')) return fresh;
    session.send(ENTER);
    // One Enter per question: wait for it to be answered before looking for the next.
    await session.waitFor('✔');
  }
}

describe('--plain on a folder with a Dockerfile', () => {
  it('offers both ways; the patch series asks hunk by hunk and writes the accepted ones after a backup', async () => {
    const dir = project();
    const original = readFileSync(path.join(dir, 'Dockerfile'));
    const session = startPlain(dir);
    await answerDefaults(session);
    const review = session.output();
    expect(review).toContain('Dockerfile exists. The full rewrite:');
    expect(review).toContain('! not carried over safely: ENV API_KEY (line 5)');
    expect(review).toContain('Full rewrite');
    session.send(DOWN);
    await session.waitFor('Patch series');
    session.send(ENTER);
    // The same series the planner makes for this file, hunk by hunk: reject the first, accept the second, then the rest.
    const first = await session.waitFor('Apply this hunk?');
    expect(first).toMatch(/Hunk 1 of (\d+): /);
    const total = Number(/Hunk 1 of (\d+)/.exec(first)![1]);
    session.send(`n${ENTER}`);
    await session.waitFor(`Hunk 2 of ${total}`);
    session.send(`y${ENTER}`);
    await session.waitFor(`Hunk 3 of ${total}`);
    session.send(`a${ENTER}`);
    const summary = await session.waitFor('Write ');
    expect(summary).toContain(`Dockerfile: ${total - 1} of ${total} hunks accepted`);
    expect(summary).toContain('build secret npm_token (was NPM_TOKEN): docker build --secret id=npm_token,src=<file> .');
    // The Dockerfile was decided by the choice: no "Replace Dockerfile?" question.
    expect(summary).not.toContain('Replace Dockerfile?');
    session.send(ENTER);
    const result = await session.run;
    expect(result.kind).toBe('done');
    const written = readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
    expect(readFileSync(path.join(dir, 'Dockerfile.harden-init.bak')).equals(original)).toBe(true);
    // Hunk 1 rejected: its lines are as they were; the rest applied.
    expect(written).toContain('FROM node:latest');
    expect(written).not.toContain('MAINTAINER');
    expect(written).toContain('--mount=type=secret,id=npm_token');
    expect(written).not.toContain('# carried over from your Dockerfile');
    expect(session.output()).toMatch(/^backup\s+Dockerfile -> Dockerfile\.harden-init\.bak$/m);
  });

  it("asks before replacing the user's security.txt (kept by default; y takes the generated one)", async () => {
    const dir = project();
    const mine = 'Contact: mailto:me@example.com\nExpires: 2020-01-01T00:00:00Z\n';
    mkdirSync(path.join(dir, '.well-known'));
    writeFileSync(path.join(dir, '.well-known/security.txt'), mine);
    const session = startPlain(dir);
    await answerDefaults(session);
    session.send(ENTER);
    await session.waitFor('Replace your .well-known/security.txt with the generated one?');
    await session.waitFor('(y/N)');
    session.send(`y${ENTER}`);
    await session.waitFor('Write ');
    session.send(ENTER);
    expect((await session.run).kind).toBe('done');
    const written = readFileSync(path.join(dir, '.well-known/security.txt'), 'utf8');
    expect(written).toContain('Contact: mailto:security@example.com');
    expect(readFileSync(path.join(dir, '.well-known/security.txt.harden-init.bak'), 'utf8')).toBe(mine);
    expect(session.output()).toContain('.well-known/security.txt: yours is kept');
  });

  it('Enter on the choice takes the full rewrite', async () => {
    const dir = project();
    const session = startPlain(dir);
    await answerDefaults(session);
    session.send(ENTER);
    const summary = await session.waitFor('Write ');
    expect(summary).toContain('build secret npm_token');
    session.send(ENTER);
    expect((await session.run).kind).toBe('done');
    const written = readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
    expect(written).toContain('# carried over from your Dockerfile');
    expect(written).toMatch(/^USER 10001:10001$/m);
    expect(existsSync(path.join(dir, 'Dockerfile.harden-init.bak'))).toBe(true);
  });
});

describe('--plain and the end of life of the detected version', () => {
  it('the version question says when the pinned line ended and which one is supported', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plain-eol-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'old', scripts: { start: 'node server.js' } }));
    writeFileSync(path.join(dir, '.nvmrc'), '18\n');
    writeFileSync(path.join(dir, 'server.js'), "require('http').createServer().listen(3000);\n");
    const session = startPlain(dir, new Date('2026-12-04T09:00:00Z'));
    for (let i = 0; i < 3; i++) {
      await session.waitFor(/(^|\n)\? /);
      if (session.output().includes('Which runtime version')) break;
      session.send(ENTER);
      await session.waitFor('✔');
    }
    await session.waitFor('Which runtime version');
    expect(session.output()).toContain('! Node.js 18 reached end of life on 2025-04-30; 24 is supported until 2028-04-30.');
    session.send('\u0003');
    await session.run.catch(() => undefined);
  });
});

