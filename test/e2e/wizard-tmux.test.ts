import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { binPath } from '../helpers/paths.js';
import { describeWith } from '../helpers/requirements.js';
import { folderState, makeNodeApp } from './fixture.js';
import { TmuxSession, exitCodeIn } from './tmux.js';

// Drives the BUILT cli (`npm run build` first) in a real terminal.
// CI=false: under CI, Ink renders only the last frame; this terminal is a real one, as a user's is.
const env = { SOURCE_DATE_EPOCH: '1742034030', GIT_CONFIG_GLOBAL: '/dev/null', TERM: 'xterm-256color', CI: 'false' };
const sessions: TmuxSession[] = [];
const dirs: string[] = [];
afterEach(async () => {
  sessions.splice(0).forEach((session) => session.kill());
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function start(args: string) {
  const dir = await makeNodeApp();
  dirs.push(dir);
  const session = TmuxSession.start(`node ${binPath} ${args}`, dir, env);
  sessions.push(session);
  return { dir, session };
}

const finished = (screen: string) => exitCodeIn(screen) !== null;

describeWith(TmuxSession.available() ? null : 'no tmux on PATH', 'wizard in a terminal (tmux)', () => {
  it('Enter-only finishes and writes the hardened files', async () => {
    const { dir, session } = await start('--no-pin');
    const first = await session.waitFor((screen) => screen.includes('harden-init'), 'the first frame');
    expect(first).toMatch(/step 1 of 8/);
    const screen = await session.enterUntil(finished);
    expect(screen).toContain('create     Dockerfile');
    // Enter on the next-steps screen hands over to lint; its own exit code is 0 or findings (1).
    expect([0, 1]).toContain(exitCodeIn(screen));
    const dockerfile = await readFile(path.join(dir, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('USER 10001:10001');
    expect(await readFile(path.join(dir, '.well-known/security.txt'), 'utf8')).toContain('Contact: mailto:security@shop.example');
    expect(JSON.parse(await readFile(path.join(dir, '.harden-init.json'), 'utf8'))).toMatchObject({ language: 'node', port: 3000 });
  });

  it('Ctrl+C midway leaves the folder byte-identical', async () => {
    const { dir, session } = await start('--no-pin');
    const before = await folderState(dir);
    await session.enterUntil(finished, (screen) => screen.includes('Which base should the final image use?'));
    session.send('C-c');
    const screen = await session.waitFor(finished, 'the wizard to quit');
    expect(exitCodeIn(screen)).toBe(130);
    expect(screen).toContain('Cancelled: nothing was written.');
    expect(await folderState(dir)).toEqual(before);
  });

  it('--plain: Enter-only finishes', async () => {
    const { dir, session } = await start('--plain --no-pin');
    const screen = await session.enterUntil(finished);
    expect(exitCodeIn(screen)).toBe(0);
    expect(screen).toContain('create     Dockerfile');
    expect(await readFile(path.join(dir, 'Dockerfile'), 'utf8')).toContain('USER 10001:10001');
  });
});
