import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { binPath } from '../helpers/paths.js';
import { describeWith } from '../helpers/requirements.js';
import { TmuxSession, exitCodeIn } from '../e2e/tmux.js';

// Drives the BUILT cli (`npm run build` first) in a real terminal.
const env = { TERM: 'xterm-256color', CI: 'false', NO_COLOR: '1', DOCKER_HOST: 'unix:///nonexistent/docker.sock' };
const fixture = path.join(import.meta.dirname, 'fixtures/insecure-node');
const sessions: TmuxSession[] = [];
const dirs: string[] = [];
afterEach(() => {
  sessions.splice(0).forEach((session) => session.kill());
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function app(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hi-fix-tmux-'));
  dirs.push(dir);
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

const finished = (screen: string) => exitCodeIn(screen) !== null;

describeWith(TmuxSession.available() ? null : 'no tmux on PATH', 'harden-init fix in a terminal (tmux)', () => {
  it('lists the actions, the user unticks one and looks at a diff, Enter applies the rest and shows before/after', async () => {
    const dir = app();
    const session = TmuxSession.start(`node ${binPath} fix`, dir, env);
    sessions.push(session);
    let screen = await session.waitFor((s) => s.includes('selected, expected to remove'), 'the action list');
    expect(screen).toMatch(/❯ \[x\] -1 +Add `USER 10001:10001`/);
    expect(screen).toMatch(/\[x\] -1 +Replace `ADD` with `COPY`/);
    // untick the USER fix (first row), then move to the ADD -> COPY row and show its diff
    session.send('Space');
    await session.waitFor((s) => /❯ \[ \] -1 +Add `USER/.test(s), 'the first action unticked');
    for (let i = 0; i < 8 && !/❯ \[x\] -1 +Replace `ADD`/.test(session.capture()); i++) {
      const before = session.capture();
      session.send('Down');
      await session.waitFor((s) => s !== before, 'the cursor to move');
    }
    session.send('d');
    screen = await session.waitFor((s) => s.includes('+COPY package.json server.js /app/'), 'the diff');
    expect(screen).toContain('-ADD package.json server.js /app/');
    session.send('Enter');
    screen = await session.waitFor(finished, 'the command to finish');
    expect(exitCodeIn(screen)).toBe(0);
    expect(screen).toMatch(/backup +Dockerfile -> Dockerfile\.harden-init\.bak/);
    expect(screen).toMatch(/lint +\d+ -> \d+ finding\(s\) \(\d+ removed\)/);
    const dockerfile = readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('COPY package.json server.js /app/');
    expect(dockerfile).not.toContain('USER 10001:10001');
    expect(readFileSync(path.join(dir, 'Dockerfile.harden-init.bak'), 'utf8')).toBe(readFileSync(path.join(fixture, 'Dockerfile'), 'utf8'));
  });

  it('q quits: nothing written, no backup', async () => {
    const dir = app();
    const session = TmuxSession.start(`node ${binPath} fix`, dir, env);
    sessions.push(session);
    await session.waitFor((s) => s.includes('selected, expected to remove'), 'the action list');
    session.send('q');
    const screen = await session.waitFor(finished, 'the command to finish');
    expect(exitCodeIn(screen)).toBe(130);
    expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe(readFileSync(path.join(fixture, 'Dockerfile'), 'utf8'));
    expect(() => readFileSync(path.join(dir, 'Dockerfile.harden-init.bak'))).toThrow();
  });
});
