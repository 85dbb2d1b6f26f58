import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { resolveAnswers } from '../../src/questions/resolve.js';
import { applyAccepted } from '../../src/retrofit/index.js';
import { createInitActions } from '../../src/write/run.js';
import { binPath, fixturesDir } from '../helpers/paths.js';
import { describeWith } from '../helpers/requirements.js';
import { TmuxSession, exitCodeIn, wizardBusy } from './tmux.js';

// Drives the BUILT cli (`npm run build` first) in a real terminal, in a folder that already has a Dockerfile.
const env = { SOURCE_DATE_EPOCH: '1742034030', GIT_CONFIG_GLOBAL: '/dev/null', TERM: 'xterm-256color', CI: 'false' };
const args = '--no-pin --contact mailto:security@example.com';
const sessions: TmuxSession[] = [];
const dirs: string[] = [];
afterEach(() => {
  sessions.splice(0).forEach((session) => session.kill());
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function insecureNodeApp(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'harden-init-retrofit-e2e-'));
  dirs.push(dir);
  cpSync(path.join(fixturesDir, 'retrofit/node/app'), dir, { recursive: true });
  cpSync(path.join(fixturesDir, 'retrofit/node/Dockerfile'), path.join(dir, 'Dockerfile'));
  return dir;
}

/** The patch series the CLI will offer for this folder, planned in-process the same way (nothing written). */
async function expectedSeries(dir: string) {
  const actions = createInitActions(dir);
  const [detection, defaults] = await Promise.all([actions.detect(), actions.defaults('.')]);
  const answers = resolveAnswers({ flags: { pin: false, contact: 'mailto:security@example.com' }, detection, metadata: defaults.metadata, gitEmail: defaults.gitEmail, suggestedSecrets: defaults.suggestedSecrets, now: new Date(Number(env.SOURCE_DATE_EPOCH) * 1000) });
  const prepared = await actions.prepare(answers);
  return prepared.retrofit!;
}

const finished = (screen: string) => exitCodeIn(screen) !== null;

describeWith(TmuxSession.available() ? null : 'no tmux on PATH', 'retrofit review in a terminal (tmux)', () => {
  it('patch series: rejects some hunks, accepts the others, writes exactly those after a byte-identical backup', async () => {
    const dir = insecureNodeApp();
    const original = readFileSync(path.join(dir, 'Dockerfile'));
    const series = await expectedSeries(dir);
    expect(series.patches.length).toBeGreaterThan(3);

    const session = TmuxSession.start(`node ${binPath} ${args}`, dir, env);
    sessions.push(session);
    let screen = await session.enterUntil(finished, { stopAt: (s) => s.includes('How should it change?'), busy: wizardBusy });
    expect(screen).toContain('◉ Full rewrite');
    expect(screen).toContain('docker build --secret id=npm_token,src=<file> .');
    session.send('p');
    screen = await session.waitFor((s) => s.includes('Hunk 1 of'), 'the patch series');
    expect(screen).toContain(`Patch series for Dockerfile: ${series.patches.length} of ${series.patches.length} hunks accepted`);
    expect(screen).toContain(`1. ${series.patches[0].title.slice(0, 40)}`);
    // Reject hunk 1, accept hunk 2, reject hunk 3; the rest stay accepted.
    session.send('n');
    await session.waitFor((s) => s.includes(`Hunk 2 of ${series.patches.length}`), 'hunk 2');
    session.send('y');
    await session.waitFor((s) => s.includes(`Hunk 3 of ${series.patches.length}`), 'hunk 3');
    session.send('n');
    await session.waitFor((s) => s.includes(`Hunk 4 of ${series.patches.length}`) && s.includes(`${series.patches.length - 2} of ${series.patches.length} hunks accepted`), 'hunk 4');
    session.send('Enter');
    screen = await session.waitFor((s) => s.includes('Next steps:'), 'the write');
    expect(screen).toMatch(/backup\s+Dockerfile -> Dockerfile\.harden-init\.bak/);
    expect(screen).toMatch(/write\s+Dockerfile/);
    // Next steps: Enter hands over to lint, whose findings (left by the rejected hunks) do not fail the wizard.
    screen = await session.enterUntil(finished, { busy: wizardBusy });
    expect(exitCodeIn(screen)).toBe(0);

    const accepted = series.patches.filter((_, index) => index !== 0 && index !== 2).map((p) => p.id);
    const written = readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
    expect(written).toBe(applyAccepted(original.toString('utf8'), series.patches, accepted));
    expect(written).not.toBe(series.rewrite);
    expect(readFileSync(path.join(dir, 'Dockerfile.harden-init.bak')).equals(original)).toBe(true);
  });

  it('Enter-only takes the full rewrite', async () => {
    const dir = insecureNodeApp();
    const series = await expectedSeries(dir);
    const session = TmuxSession.start(`node ${binPath} ${args}`, dir, env);
    sessions.push(session);
    const screen = await session.enterUntil(finished, { busy: wizardBusy });
    expect(exitCodeIn(screen)).toBe(0);
    expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe(series.rewrite);
  });
});
