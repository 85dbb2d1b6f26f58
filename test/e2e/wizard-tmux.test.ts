import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { binPath } from '../helpers/paths.js';
import { describeWith, dockerMissing } from '../helpers/requirements.js';
import { runCli } from '../helpers/cli.js';
import { folderState, makeExpressApp, makeNodeApp, runEnv } from './fixture.js';
import { TmuxSession, exitCodeIn, wizardBusy } from './tmux.js';

// Drives the BUILT cli (`npm run build` first) in a real terminal.
// CI=false: under CI, Ink renders only the last frame; this terminal is a real one, as a user's is.
const env = { SOURCE_DATE_EPOCH: '1742034030', GIT_CONFIG_GLOBAL: '/dev/null', TERM: 'xterm-256color', CI: 'false' };
const sessions: TmuxSession[] = [];
const dirs: string[] = [];
afterEach(async () => {
  sessions.splice(0).forEach((session) => session.kill());
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function start(args: string, app: Promise<string> = makeNodeApp(), extraEnv: Record<string, string> = {}) {
  const dir = await app;
  dirs.push(dir);
  const session = TmuxSession.start(`node ${binPath} ${args}`, dir, { ...env, ...extraEnv });
  sessions.push(session);
  return { dir, session };
}

const finished = (screen: string) => exitCodeIn(screen) !== null;
const busy = { busy: wizardBusy };

/** Enter-only up to the next-steps screen, then ↓ to the offer and Enter. */
async function chooseNextStep(session: TmuxSession, label: string): Promise<string> {
  await session.enterUntil(finished, { ...busy, stopAt: (screen) => screen.includes('Next steps:') });
  for (let i = 0; i < 6; i++) {
    const screen = session.capture();
    if (screen.includes(`❯ ${label}`)) break;
    session.send('Down');
    await session.waitFor((next) => next !== screen, 'the highlight to move');
  }
  session.send('Enter');
  return session.waitFor(finished, 'the next step and the wizard to end', 120_000);
}

describeWith(TmuxSession.available() ? null : 'no tmux on PATH', 'wizard in a terminal (tmux)', () => {
  it('an Express app: Enter-only accepts what was detected and finishes in at most 6 Enters, exit 0, files hardened', async () => {
    const { dir, session } = await start('--no-pin', makeExpressApp());
    const first = await session.waitFor((screen) => screen.includes('harden-init'), 'the first frame');
    expect(first).toMatch(/step 1 of 8: Detect/);
    const detected = await session.waitFor((screen) => screen.includes('Found in'), 'the detected answers');
    expect(detected).toMatch(/framework\s+express/);
    expect(detected).toMatch(/runtime version\s+not found: asked next/);
    const screen = await session.enterUntil(finished, busy);
    // Detect, runtime version (not pinned), base image, security contact, review, next steps (lint).
    expect(session.enters).toBeLessThanOrEqual(6);
    expect(exitCodeIn(screen)).toBe(0);
    expect(screen).toMatch(/\$ harden-init lint Dockerfile/);
    const dockerfile = await readFile(path.join(dir, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('USER 10001:10001');
    expect(dockerfile).toMatch(/^FROM \S+ AS build$/m);
    expect(dockerfile).toContain('EXPOSE 3000');
    expect(dockerfile).toContain('CMD ["app.js"]');
    expect(await readFile(path.join(dir, '.well-known/security.txt'), 'utf8')).toContain('Contact: mailto:security@shop.example');
    expect(JSON.parse(await readFile(path.join(dir, '.harden-init.json'), 'utf8'))).toMatchObject({ language: 'node', framework: 'express', runtimeVersion: '22', port: 3000, uid: 10001 });
    // Hardened: our own linter finds nothing but the unpinned tags that --no-pin leaves.
    const lint = await runCli(['lint', '--format', 'json', 'Dockerfile'], { cwd: dir, env: runEnv });
    const codes = (JSON.parse(lint.stdout) as Array<{ code: string }>).map((finding) => finding.code);
    expect(codes.filter((code) => code !== 'HI103')).toEqual([]);
  });

  it('e on the detect screen goes through every answer', async () => {
    const { session } = await start('--no-pin');
    await session.waitFor((screen) => screen.includes('Found in'), 'the detected answers');
    session.send('e');
    const screen = await session.waitFor((s) => s.includes('Which language is the app written in?'), 'the first question');
    expect(screen).toContain('question 1 of 6');
  });

  it('keys pressed on the first frame are not echoed into it, and Ctrl+C there quits writing nothing', async () => {
    const { dir, session } = await start('--no-pin');
    const before = await folderState(dir);
    await session.waitFor((screen) => screen.includes('harden-init step 1 of 8'), 'the first frame');
    session.send('Enter');
    const screen = await session.waitFor((s) => /Found in|\? Which/.test(s), 'the detected answers');
    // One header, at the top: an echoed newline would have pushed the frame down a line.
    expect(screen.match(/harden-init step/g)).toHaveLength(1);
    expect(screen.startsWith('harden-init step')).toBe(true);

    const quick = await start('--no-pin');
    const untouched = await folderState(quick.dir);
    await quick.session.waitFor((s) => s.includes('harden-init step 1 of 8'), 'the first frame');
    quick.session.send('C-c');
    const quit = await quick.session.waitFor(finished, 'the wizard to quit');
    expect(exitCodeIn(quit)).toBe(130);
    expect(quit).toContain('Cancelled: nothing was written.');
    expect(await folderState(quick.dir)).toEqual(untouched);
    expect(await folderState(dir)).toEqual(before);
  });

  it('Ctrl+C midway leaves the folder byte-identical', async () => {
    const { dir, session } = await start('--no-pin');
    const before = await folderState(dir);
    await session.enterUntil(finished, { ...busy, stopAt: (screen) => screen.includes('Which base should the final image use?') });
    session.send('C-c');
    const screen = await session.waitFor(finished, 'the wizard to quit');
    expect(exitCodeIn(screen)).toBe(130);
    expect(screen).toContain('Cancelled: nothing was written.');
    expect(await folderState(dir)).toEqual(before);
  });

  it('a next step that fails reports it, and the wizard still exits 0', async () => {
    // No engine at that socket: the build the wizard hands over to cannot run.
    const { dir, session } = await start('--no-pin', makeNodeApp(), { DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    const screen = await chooseNextStep(session, 'Build the image');
    expect(screen).toMatch(/\$ harden-init build \. --tag fixture-shop:latest --run/);
    expect(screen).toMatch(/harden-init: .*docker/i);
    expect(screen).toMatch(/✗ harden-init build \. --tag fixture-shop:latest --run: failed \(exit 3/);
    expect(exitCodeIn(screen)).toBe(0);
    expect(await readFile(path.join(dir, 'Dockerfile'), 'utf8')).toContain('USER 10001:10001');
  });

  it('--plain: Enter-only accepts what was detected and finishes', async () => {
    const { dir, session } = await start('--plain --no-pin');
    const screen = await session.enterUntil(finished);
    expect(exitCodeIn(screen)).toBe(0);
    expect(screen).toContain('create     Dockerfile');
    // Accepting asks only the choices that matter: no question about the user id or the app folder.
    expect(screen).not.toContain('Which numeric user id');
    expect(await readFile(path.join(dir, 'Dockerfile'), 'utf8')).toContain('USER 10001:10001');
  });
});

describeWith(TmuxSession.available() ? dockerMissing : 'no tmux on PATH', 'wizard next step on the Docker engine (tmux)', () => {
  it('a build that fails at its build step is shown failing, and the wizard still exits 0', async () => {
    const app = makeExpressApp({ build: 'node -e "process.exit(7)"', dependencies: false });
    const { dir, session } = await start('--registry 127.0.0.1:5000', app, { DOCKER_BUILDKIT: '1' });
    const screen = await chooseNextStep(session, 'Build the image');
    expect(screen).toMatch(/the build failed at .*npm run build/);
    expect(screen).toMatch(/✗ harden-init build \. --tag express-shop:latest --run: failed \(exit 2/);
    expect(exitCodeIn(screen)).toBe(0);
    expect(await readFile(path.join(dir, 'Dockerfile'), 'utf8')).toContain('RUN npm run build');
  }, 300_000);
});
